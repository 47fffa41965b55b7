# Every agent offline: no telemetry, no update checks, no login; the fake model's address comes from
# ~/.agents.env, which configure-agents writes when a test starts its fake model.
export DISABLE_AUTOUPDATER=1 DISABLE_TELEMETRY=1 DISABLE_ERROR_REPORTING=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1
export OPENCODE_DISABLE_MODELS_FETCH=1 OPENCODE_DISABLE_LSP_DOWNLOAD=1 OPENCODE_DISABLE_DEFAULT_PLUGINS=1 OPENCODE_DISABLE_AUTOUPDATE=1
export GEMINI_CLI_NO_RELAUNCH=true
[ -r "$HOME/.agents.env" ] && . "$HOME/.agents.env"
