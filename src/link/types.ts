// What link/ offers the layers above it about a remote command, a channel and a connection: defined by ssh/, which
// implements them, and named here so that core/ and holder/ reach ssh only through link.
export type { ChannelExit, ConnectSpec, ExecOptions, ExecResult, PtyOptions, RemoteChannel } from "../ssh/types.js";
