(require 'eglot)
(define-derived-mode flow-mode prog-mode "Flow"
  "Knowledge files of backcheck."
  (setq-local comment-start "// "))
(add-to-list 'auto-mode-alist '("\\.flow\\'" . flow-mode))
(add-to-list 'eglot-server-programs '(flow-mode . ("backcheck" "lsp")))
(add-hook 'flow-mode-hook #'eglot-ensure)
