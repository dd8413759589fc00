// Starts `backcheck lsp` for .flow files; everything else is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("backcheck");
  const args = ["lsp"];
  const knowledge = config.get("knowledge");
  if (knowledge) {
    args.push("--knowledge", knowledge);
  }
  const server = { command: config.get("path") || "backcheck", args };
  client = new LanguageClient(
    "backcheck",
    "backcheck",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "flow" }] }
  );
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
