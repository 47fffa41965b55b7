import type { NotificationText } from "./message.js";

// The desktop notifiers moor knows, in the order it looks for them on PATH.
export const DESKTOP_NOTIFIERS = [
  "terminal-notifier",
  "osascript",
  "notify-send",
  "powershell.exe",
  "pwsh.exe",
] as const;
export type DesktopNotifier = (typeof DESKTOP_NOTIFIERS)[number];

// AppleScript and PowerShell string literals: the text is data, never code.
const appleString = (text: string): string => `"${text.replace(/["\\]/g, "\\$&")}"`;
const powershellString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

// The argv that shows one notification with this notifier (no shell in between).
export function notifierArgv(notifier: DesktopNotifier, text: NotificationText): string[] {
  switch (notifier) {
    case "terminal-notifier":
      return ["terminal-notifier", "-title", text.title, "-message", text.body, "-group", "moor"];
    case "osascript":
      return [
        "osascript",
        "-e",
        `display notification ${appleString(text.body)} with title ${appleString(text.title)}`,
      ];
    case "notify-send":
      return ["notify-send", "--app-name=moor", text.title, text.body];
    case "powershell.exe":
    case "pwsh.exe":
      return [notifier, "-NoProfile", "-NonInteractive", "-Command", windowsToast(text)];
  }
}

// A Windows toast through the WinRT API PowerShell can reach (Windows and WSL), with no module to install.
function windowsToast(text: NotificationText): string {
  return [
    "[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] > $null",
    "$xml = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent([Windows.UI.Notifications.ToastTemplateType]::ToastText02)",
    `$xml.GetElementsByTagName('text')[0].AppendChild($xml.CreateTextNode(${powershellString(text.title)})) > $null`,
    `$xml.GetElementsByTagName('text')[1].AppendChild($xml.CreateTextNode(${powershellString(text.body)})) > $null`,
    "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('moor').Show([Windows.UI.Notifications.ToastNotification]::new($xml))",
  ].join("; ");
}
