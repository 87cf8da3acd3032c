// The VS Code extension: starts `wenfeng lsp` on stdio for text, Markdown, HTML and XML
// drafts and passes the settings (profile, kind, medium) to it; the server does the rest
// (diagnostics, quick fixes, hover, counts).
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function settings() {
  const c = vscode.workspace.getConfiguration("wenfeng");
  return { profile: c.get<string>("profile", ""), kind: c.get<string>("kind", ""), medium: c.get<string>("medium", "") };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration("wenfeng").get<string>("path", "wenfeng");
  // TransportKind.stdio adds --stdio, which `wenfeng lsp` accepts.
  const serverOptions: ServerOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "html" },
      { scheme: "file", language: "xml" },
    ],
    initializationOptions: { wenfeng: settings() },
    // Sends workspace/didChangeConfiguration with {wenfeng: {...}} when a setting changes.
    synchronize: { configurationSection: "wenfeng" },
  };
  client = new LanguageClient("wenfeng", "wenfeng 文风", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("wenfeng.showCounts", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      const r = await client.sendRequest<any>("workspace/executeCommand", {
        command: "wenfeng.counts",
        arguments: [editor.document.uri.toString()],
      });
      vscode.window.showInformationMessage(
        `字数 ${r.counts.zishu}（汉字 ${r.counts.hanzi}）；正文 ${r.body.figure}；约 ${r.pages.estimate} 页；` +
          `规范 ${r.profile}，类型 ${r.kind.id}${r.kind.guessed ? "（推测）" : ""}`,
      );
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
