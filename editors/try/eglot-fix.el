;; Run by run.sh (emacs --batch) in pain.flow of a copy of the mini fixture
;; with `outcomes.fine` misspelled: prints the diagnostics flymake shows and
;; takes the quick fix as M-x eglot-code-action-quickfix does.
(defun try-wait (done seconds)
  "Runs what an interactive Emacs runs between keys until DONE or SECONDS."
  (let ((end (+ (float-time) seconds)))
    (while (and (not (funcall done)) (< (float-time) end))
      (accept-process-output nil 0.05)
      ;; eglot-ensure connects after the command that opened the file.
      (run-hooks 'post-command-hook)
      (ignore-errors (eglot--signal-textDocument/didChange))
      (ignore-errors (flymake-start))
      (sit-for 0.05))
    (funcall done)))
(defun try-print (format-string &rest args)
  (princ (concat (apply #'format format-string args) "\n")))

(find-file (car command-line-args-left))
(try-print "emacs %s, eglot %s" emacs-version
           (package-version-join (package-desc-version (cadr (assq 'eglot package-alist)))))
(try-print "diagnostics arrived: %s" (and (try-wait #'flymake-diagnostics 30) t))
(dolist (d (flymake-diagnostics))
  (try-print "line %d %s" (line-number-at-pos (flymake-diagnostic-beg d))
             (replace-regexp-in-string "\n" " | " (flymake-diagnostic-text d))))
(let ((d (car (flymake-diagnostics))))
  (when d
    (goto-char (flymake-diagnostic-beg d))
    (eglot-code-actions (flymake-diagnostic-beg d) (flymake-diagnostic-end d) "quickfix" t)
    (try-print "after the fix: %s" (buffer-substring (line-beginning-position) (line-end-position)))
    (try-print "diagnostics cleared after the fix: %s"
               (try-wait (lambda () (null (flymake-diagnostics))) 30))))
(kill-emacs 0)
