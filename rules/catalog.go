package rules

// catalog holds one record per rule. IDs and names are stable: never reuse or rename one.
var catalog = []*Rule{
	{ID: "FC001", Name: "ignore-directive", Severity: Warning, Family: Meta, Summary: "an //fclint:ignore directive has no reason or suppressed nothing"},

	{ID: "FC101", Name: "loopback-listen", Severity: Error, Family: Code, Summary: "the function's server listens on a loopback address"},
	{ID: "FC102", Name: "port-mismatch", Severity: Error, Family: Code, Summary: "the function's server listens on a port other than CAPort"},
	{ID: "FC103", Name: "hardcoded-port", Severity: Info, Family: Code, Summary: "CAPort is written as a literal instead of read from FC_CUSTOM_LISTEN_PORT"},
	{ID: "FC104", Name: "server-timeout", Severity: Error, Family: Code, Summary: "a server read, write or idle timeout below 24 h cuts FC's keep-alive connections"},
	{ID: "FC105", Name: "keepalive-disabled", Severity: Error, Family: Code, Summary: "the server disables HTTP keep-alive"},
	{ID: "FC106", Name: "handler-timeout", Severity: Warning, Family: Code, Summary: "a handler timeout below 24 h ends requests FC still allows"},
	{ID: "FC107", Name: "go1-sdk-in-custom-runtime", Severity: Error, Family: Code, Summary: "fc-runtime-go-sdk's fc.Start binds no port and cannot serve a custom runtime"},

	{ID: "FC201", Name: "missing-entrypoint", Severity: Error, Family: Package, Summary: "no command is configured and there is no bootstrap at the package root"},
	{ID: "FC202", Name: "nested-root", Severity: Error, Family: Package, Summary: "the entrypoint is only under one top-level folder: the folder was zipped, not its contents"},
	{ID: "FC203", Name: "not-executable", Severity: Error, Family: Package, Summary: "the bootstrap or command target lacks the exec bit, or the ZIP records no Unix mode"},
	{ID: "FC204", Name: "bad-script", Severity: Error, Family: Package, Summary: "a script entrypoint has no shebang, CRLF line endings, or an interpreter the runtime lacks"},
	{ID: "FC205", Name: "wrong-binary", Severity: Error, Family: Package, Summary: "the entrypoint is not a Linux x86-64 executable"},
	{ID: "FC206", Name: "glibc-too-new", Severity: Error, Family: Package, Summary: "a dynamically linked binary needs a newer glibc than the runtime has"},
	{ID: "FC207", Name: "missing-file", Severity: Error, Family: Package, Summary: "a file named by the command, args or bootstrap script is not in the package"},
	{ID: "FC208", Name: "unsafe-entry", Severity: Error, Family: Package, Summary: "an entry has an absolute path, .. traversal, or a symlink escaping /code"},
	{ID: "FC209", Name: "package-size", Severity: Error, Family: Package, Summary: "the package is over the upload limit or looks like a decompression bomb"},
	{ID: "FC210", Name: "interpreter-unavailable", Severity: Error, Family: Package, Summary: "the command names an interpreter the runtime image lacks or that needs PATH"},
	{ID: "FC211", Name: "invalid-archive", Severity: Error, Family: Package, Summary: "the package is not a ZIP, or is truncated or corrupt"},

	{ID: "FC301", Name: "invalid-config", Severity: Error, Family: Config, Summary: "the function configuration has a value FC rejects or that cannot work"},
	{ID: "FC302", Name: "startup-address", Severity: Error, Family: Config, Summary: "the startup command or bootstrap script binds loopback or a port other than CAPort"},

	{ID: "FC401", Name: "not-listening", Severity: Error, Family: Probe, Summary: "nothing accepted connections on CAPort before the start deadline"},
	{ID: "FC402", Name: "loopback-only", Severity: Error, Family: Probe, Summary: "the process listens on CAPort only on a loopback address"},
	{ID: "FC403", Name: "wrong-port", Severity: Error, Family: Probe, Summary: "the process listens on TCP, but not on CAPort"},
	{ID: "FC404", Name: "keepalive-broken", Severity: Error, Family: Probe, Summary: "the server closed the connection after a response or answered Connection: close"},
	{ID: "FC405", Name: "idle-timeout", Severity: Error, Family: Probe, Summary: "the server closed an idle keep-alive connection within the hold window"},
}
