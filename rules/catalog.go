package rules

// catalog holds one record per rule. IDs and names are stable: never reuse or rename one.
//
// Examples are what users read in `fclint explain`: Go for FC1xx (Right must be
// genuinely compliant), a ZIP listing or shell transcript for FC2xx, s.yaml or a
// bootstrap script for FC3xx, a probe transcript for FC4xx.
var catalog = []*Rule{
	{
		ID: "FC001", Name: "ignore-directive", Severity: Warning, Family: Meta,
		Summary: "an //fclint:ignore directive has no reason or suppressed nothing",
		Details: `fclint honors three suppression comments: "//fclint:ignore FC101,FC104
reason" covers the line it is on, or the next line when it stands alone;
"//fclint:file-ignore FC104 reason" covers the whole file; golangci-lint's
"//nolint:fclint" is accepted too. Rules may be named by ID or by name. FC001
reports a directive that gives no reason, names a rule that does not exist,
is malformed, or suppressed no finding in this run (it is stale: the code it
excused was fixed or moved).`,
		Why: `A suppression without a reason hides a deploy-time failure with no record of
why it is safe. A stale one stays silent until it hides the next real finding
on that line.`,
		Fix:  "give the directive a reason after the rule IDs, or delete it if it suppresses nothing",
		Lang: "go",
		Wrong: `//fclint:ignore FC106
mux.Handle("/quote", http.TimeoutHandler(quote, 10*time.Second, "upstream timeout"))`,
		Right: `//fclint:ignore FC106 the upstream quote API gives up after 10 s; fail fast
mux.Handle("/quote", http.TimeoutHandler(quote, 10*time.Second, "upstream timeout"))`,
	},

	{
		ID: "FC101", Name: "loopback-listen", Severity: Error, Family: Code,
		Summary: "the function's server listens on a loopback address",
		Details: `Reports a server of the function (net/http, net.Listen on tcp, tcp4 or tcp6,
gin, echo, fiber, fasthttp, hertz, ...) whose listen address can be on
127.0.0.0/8, ::1 or localhost. The address is traced through literals, constants, concatenation,
fmt.Sprintf, net.JoinHostPort, flag defaults, struct fields and helper
parameters, so "127.0.0.1:"+port and a -addr flag defaulting to
"localhost:9000" are both found. A loopback side server on a port other than
CAPort beside a server that is or may be public (pprof on localhost:6060 next
to ":"+port) is not a finding, nor is a loopback listener on a random port
(localhost:0, as test helpers use). Accepted forms are ":PORT", "0.0.0.0:PORT"
and "[::]:PORT".` + serverModel,
		Why: `FC forwards every request to 0.0.0.0:CAPort from outside the instance, so a
loopback listener never sees it. The instance fails its start check:
FC 2.0 reports "ErrorCode":"FunctionNotStarted", "The CA's http server cannot
be started ... Ping CA failed due to: dial tcp 21.0.5.7:9000: getsockopt:
connection refused"; FC 3.0 reports "Function instance health check failed on
port 9001 in 120 seconds." The docs say the address "must be set to 0.0.0.0 or
*. Do not set it to 127.0.0.0 or localhost."`,
		Fix:  `listen on ":" + port, with port from FC_CUSTOM_LISTEN_PORT`,
		Lang: "go",
		Wrong: `port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
log.Fatal(http.ListenAndServe("127.0.0.1:"+port, mux))`,
		Right: `package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	if port == "" {
		port = "9000"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	log.Fatal(http.ListenAndServe(":"+port, mux))
}`,
	},
	{
		ID: "FC102", Name: "port-mismatch", Severity: Error, Family: Code,
		Summary: "the function's server listens on a port other than CAPort",
		Details: `Reports a server that can only listen on a port other than CAPort (from
customRuntimeConfig.port, customContainerConfig.port, caPort or CAPort in the
configuration, --port, else 9000; the fix names the key the function's own
configuration uses). Covered: port literals, framework defaults (gin's Run() with no
argument uses $PORT or 8080, hertz uses 8888, an empty http.Server Addr means
80, ":0" a random port; GoFrame's ":0" for a server never given an address:
ghttp.GetServer().Run(), or g.Server().Run() without server.address in the
configuration file; the address of that file's server node, and each port
of SetPort(p...)), a non-FC environment variable with a fallback that is
not CAPort (PORT with "8080"), and strconv.Itoa of a constant. Reading
FC_CUSTOM_LISTEN_PORT or FC_SERVER_PORT is always accepted. No finding when
another server in the same program listens on CAPort (fclint sees one package
at a time, so "program" means the package; for package main it is the
program), for a loopback side server beside a server that may be public, or
for a loopback listener on a random port.` + serverModel,
		Why: `FC connects only to CAPort. A server on any other port is never reached and
the instance fails its start check with "Function instance health check failed
on port 9001 in 120 seconds." (FC 3.0) or "FunctionNotStarted ... dial tcp
21.0.5.7:9000: getsockopt: connection refused" (FC 2.0).`,
		Fix:  `listen on ":" + port, with port from FC_CUSTOM_LISTEN_PORT (default "9000")`,
		Lang: "go",
		Wrong: `r := gin.Default()
r.GET("/", hello)
r.Run() // $PORT, else :8080; FC sets neither`,
		Right: `port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
if port == "" {
	port = "9000"
}
r := gin.Default()
r.GET("/", hello)
log.Fatal(r.Run(":" + port))`,
	},
	{
		ID: "FC103", Name: "hardcoded-port", Severity: Info, Family: Code,
		Summary: "CAPort is written as a literal instead of read from FC_CUSTOM_LISTEN_PORT",
		Details: `Reports a listen address whose port is CAPort written as a literal (":9000",
9000 in a constant) instead of read from FC_CUSTOM_LISTEN_PORT or
FC_SERVER_PORT. The code works today; this is an info finding. Reading the
variable with a literal fallback equal to CAPort is the compliant pattern and
is not reported.` + serverModel,
		Why: `The port is configuration (customRuntimeConfig.port in FC 3.0, caPort in FC
2.0), and FC 3.0 passes it to the instance as FC_CUSTOM_LISTEN_PORT, as does
"s local". When someone changes the port in s.yaml, a literal keeps the old
one and the function fails with "Function instance health check failed on
port 9001 in 120 seconds."`,
		Fix:   `read the port from FC_CUSTOM_LISTEN_PORT, falling back to the literal`,
		Lang:  "go",
		Wrong: `log.Fatal(http.ListenAndServe(":9000", mux))`,
		Right: `port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
if port == "" {
	port = "9000"
}
log.Fatal(http.ListenAndServe(":"+port, mux))`,
	},
	{
		ID: "FC104", Name: "server-timeout", Severity: Error, Family: Code,
		Summary: "a server read, write or idle timeout below 24 h cuts FC's keep-alive connections",
		Details: `Reports an effective read, write or idle timeout in (0, 24h) on a net/http,
echo, fiber, fasthttp or hertz server. "Effective" follows each server's own
rules: in net/http and fiber/fasthttp an unset IdleTimeout falls back to
ReadTimeout, so a lone ReadTimeout of 30 s also closes idle keep-alive
connections after 30 s; framework defaults count too (echo v5 starts with 30 s
read and write timeouts unless StartConfig.BeforeServeFunc changes them, hertz
with 3 min read and idle timeouts). Zero or negative means no timeout and is
fine, as is 24 h or more (an explicit 0 in hertz is not reported, since
whether it means "unlimited" there is unconfirmed; hertz's KeepAliveTimeout
only paces TCP keep-alive probes and is not reported). gRPC's
keepalive.ServerParameters.MaxConnectionIdle and MaxConnectionAge below 24 h
are reported too, and so is GoFrame's ghttp server (ReadTimeout and
IdleTimeout 60 s unless set by SetReadTimeout/SetIdleTimeout or, for
g.Server(), by readTimeout/idleTimeout in the configuration file's server
node, where a plain number is nanoseconds and "30s" is reported citing the
file and line; a ghttp.ServerConfig literal passed to SetConfig replaces them
with its own, none when it leaves them out; gogf/gf v2.10.2).
docs/frameworks.md cites each framework's source file and version.
ReadHeaderTimeout only bounds reading a request's headers and is never
reported: it is the right protection against slow clients. Client timeouts
(http.Client, fasthttp.Client, go-redis, net.Dialer) are not findings.` + serverModel,
		Why: `FC keeps connections to the instance open and reuses them; the docs require
that "the HTTP server must have keep-alive enabled ... set the request timeout
period to 24 hours or longer". A server that drops a connection FC is about to
reuse, or cuts a long request, makes the request fail with "Process exited
unexpectedly before completing request" (HTTP 502).`,
		Fix:  "remove the Read/Write/Idle timeouts (or set them to 24h or more); use ReadHeaderTimeout against slow clients",
		Lang: "go",
		Wrong: `srv := &http.Server{
	Addr:         ":" + port,
	Handler:      mux,
	ReadTimeout:  30 * time.Second, // also the idle timeout, since IdleTimeout is unset
	WriteTimeout: 30 * time.Second,
}
log.Fatal(srv.ListenAndServe())`,
		Right: `port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
if port == "" {
	port = "9000"
}
srv := &http.Server{
	Addr:              ":" + port,
	Handler:           mux,
	ReadHeaderTimeout: 10 * time.Second, // bounds header reading only
}
log.Fatal(srv.ListenAndServe())`,
	},
	{
		ID: "FC105", Name: "keepalive-disabled", Severity: Error, Family: Code,
		Summary: "the server disables HTTP keep-alive",
		Details: `Reports switches that turn keep-alive off: (*http.Server).SetKeepAlivesEnabled(false),
DisableKeepalive: true in fiber.Config or fasthttp.Server, a
MaxRequestsPerConn above 0 in fasthttp.Server (the connection closes after
that many requests), server.WithKeepAlive(false) in hertz,
SetKeepAlive(false) on a GoFrame server, keepAlive: false in the
config.yaml its g.Server reads, or a ghttp.ServerConfig literal without
KeepAlive: true passed to SetConfig (which replaces the whole configuration,
defaults included), and a handler that sets the
"Connection: close" response header (net/http, fasthttp, gin, echo, fiber).
Only the response side counts: "Connection: close" on an outgoing client
request is not a finding. SetKeepAlivesEnabled(false) during shutdown (in a
function named Close, Shutdown or Stop, or next to a Shutdown/Close call) is
the documented way to drain connections and is not reported.` + serverModel,
		Why: `FC reuses connections to the instance, and the docs say "the HTTP server must
have keep-alive enabled". Closing each connection after one response races
with FC's next request on it, which then fails with "Process exited
unexpectedly before completing request". Responses may not set connection or
keep-alive headers at all.`,
		Fix:  "leave keep-alive on: remove SetKeepAlivesEnabled(false), DisableKeepalive and Connection: close",
		Lang: "go",
		Wrong: `srv := &http.Server{Addr: ":" + port, Handler: mux}
srv.SetKeepAlivesEnabled(false)
log.Fatal(srv.ListenAndServe())`,
		Right: `port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
if port == "" {
	port = "9000"
}
srv := &http.Server{Addr: ":" + port, Handler: mux}
log.Fatal(srv.ListenAndServe())`,
	},
	{
		ID: "FC106", Name: "handler-timeout", Severity: Warning, Family: Code,
		Summary: "a handler timeout below 24 h ends requests FC still allows",
		Details: `Reports http.TimeoutHandler and equivalent middleware with a deadline below
24 h: chi middleware.Timeout, echo middleware.TimeoutWithConfig, gin-contrib
timeout.New, fiber timeout.New, iris.WithTimeout, and Kratos's
http.NewServer/grpc.NewServer, whose every request gets a 1 s deadline
unless a Timeout option sets another (go-kratos/kratos v2.8.3), and
go-zero's rest.MustNewServer/NewServer with a RestConf that conf.MustLoad
filled from etc/*.yaml: every route gets Timeout (3000 ms unless the file
sets it) while Middlewares.Timeout is on, and the server's ReadTimeout and
WriteTimeout derive from it (go-zero v1.10.3 rest/engine.go). A deadline
of 0 or less is not reported.
A warning, not an error: the server keeps working, but requests end before
the function's own timeout.` + serverModel,
		Why: `FC already bounds every request by the function's timeout (the "timeout"
property, 1 to 86,400 s) and reports a timeout as such. A shorter handler
deadline answers 503 while FC still waits, so the configured timeout stops
being the one place that decides, and long requests the platform allows fail.`,
		Fix:   "drop the handler timeout and set the function's timeout in the configuration instead",
		Lang:  "go",
		Wrong: `mux.Handle("/report", http.TimeoutHandler(http.HandlerFunc(report), 30*time.Second, "timed out"))`,
		Right: `// The function's timeout in s.yaml bounds the request; report stops
// early through r.Context() when the client goes away.
mux.Handle("/report", http.HandlerFunc(report))`,
	},
	{
		ID: "FC107", Name: "go1-sdk-in-custom-runtime", Severity: Error, Family: Code,
		Summary: "fc-runtime-go-sdk's fc.Start binds no port and cannot serve a custom runtime",
		Details: `Reports calls to fc.Start, fc.StartHttp and the other Start functions of
github.com/aliyun/fc-runtime-go-sdk/fc when the configured runtime is custom,
custom.debian10, custom.debian11 or custom.debian12. With no configuration
found it is a warning, since the code may be meant for the go1 runtime; with
runtime go1 it is not reported.`,
		Why: `The SDK serves the go1 runtime: fc.Start long-polls the runtime API named by
FC_RUNTIME_API and listens on no port. Its README says it "不可以在 Custom-Runtime
运行时使用" (cannot be used in a custom runtime). In a custom runtime it exits
with "expected ali FC environment variables [FC_RUNTIME_API] are not defined",
and FC reports "Function instance health check failed on port 9001 in 120
seconds."`,
		Fix:  "serve HTTP on FC_CUSTOM_LISTEN_PORT with net/http, or deploy with runtime go1",
		Lang: "go",
		Wrong: `package main

import (
	"context"

	"github.com/aliyun/fc-runtime-go-sdk/fc"
)

func handle(ctx context.Context, event []byte) (string, error) { return "ok", nil }

func main() { fc.Start(handle) }`,
		Right: `package main

import (
	"io"
	"log"
	"net/http"
	"os"
)

func main() {
	port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	if port == "" {
		port = "9000"
	}
	// Event invocations arrive as POST /invoke with the payload as the body.
	http.HandleFunc("/invoke", func(w http.ResponseWriter, r *http.Request) {
		event, _ := io.ReadAll(r.Body)
		w.Write(event)
	})
	log.Fatal(http.ListenAndServe(":"+port, nil))
}`,
	},

	{
		ID: "FC201", Name: "missing-entrypoint", Severity: Error, Family: Package,
		Summary: "no command is configured and there is no bootstrap at the package root",
		Details: `When customRuntimeConfig.command and args are both empty, FC starts
/code/bootstrap. fclint then requires an entry named exactly "bootstrap" at
the package root (a file, or a symlink to one inside the package).
"Bootstrap", "bootstrap.sh" and "bin/bootstrap" do not count. For a source
directory the same check runs on the directory that becomes the ZIP. When the
bootstrap exists only inside one top-level folder, FC202 is reported instead.`,
		Why: `FC 3.0 fails with "Failed to start function instance. Error: the file
/code/bootstrap is not exist"; FC 2.0 with "CAFileNotFound ... stat
/code/bootstrap: no such file or directory".`,
		Fix:  "name the executable bootstrap at the package root, or set customRuntimeConfig.command",
		Lang: "text",
		Wrong: `$ unzip -Z function.zip
Archive:  function.zip
Zip file size: 4268721 bytes, number of entries: 1
-rwxr-xr-x  3.0 unx  9740288 bx defN 24-May-01 10:00 main
1 file, 9740288 bytes uncompressed, 4268521 bytes compressed:  56.2%`,
		Right: `$ unzip -Z function.zip
Archive:  function.zip
Zip file size: 4268726 bytes, number of entries: 1
-rwxr-xr-x  3.0 unx  9740288 bx defN 24-May-01 10:00 bootstrap
1 file, 9740288 bytes uncompressed, 4268521 bytes compressed:  56.2%

(or keep "main" and set customRuntimeConfig.command: ['/code/main'])`,
	},
	{
		ID: "FC202", Name: "nested-root", Severity: Error, Family: Package,
		Summary: "the entrypoint is only under one top-level folder: the folder was zipped, not its contents",
		Details: `Reports a package whose bootstrap (or command target) is missing at the root
but present under a single top-level folder, as in "code/bootstrap". That is
what "zip -r function.zip code", Finder's Compress and Explorer's "Send to >
Compressed folder" produce. FC unpacks the ZIP as is into /code, so the file
lands at /code/code/bootstrap.`,
		Why: `FC looks for /code/bootstrap and fails with "Failed to start function
instance. Error: the file /code/bootstrap is not exist"; interpreters fail
with "CAExited: can't open file '/code/app.py'". The SDK's README: "main
文件必须在zip包的顶层" (the main file must be at the top level of the zip).`,
		Fix:  "zip the folder's contents, not the folder: cd DIR && zip -r ../function.zip . (or fclint pack DIR)",
		Lang: "text",
		Wrong: `$ zip -r function.zip code
$ unzip -Z1 function.zip
code/
code/bootstrap`,
		Right: `$ cd code && zip -r ../function.zip .
$ unzip -Z1 ../function.zip
bootstrap`,
	},
	{
		ID: "FC203", Name: "not-executable", Severity: Error, Family: Package,
		Summary: "the bootstrap or command target lacks the exec bit, or the ZIP records no Unix mode",
		Details: `Reads the Unix mode stored in each entry's external attributes. Reports the
bootstrap, or the file customRuntimeConfig.command runs from the package,
when it has no execute bit, or when the ZIP was made by a tool that records
no Unix mode at all (creator OS not Unix, typical of Windows zip tools): FC
then cannot know the file is executable. For a source directory the mode on
disk is checked.`,
		Why: `FC execs the entrypoint directly. Without +x, FC 2.0 fails with
"CAFilePermission": "The CA process cannot be started due to bootstrap file
don't have execute permissions"; FC 3.0 with "Function instance exited
unexpectedly(code 13, message:permission denied) with start command
'/code/bootstrap '". The docs ask for mode 755 or 777.`,
		Fix:  "chmod 755 the entrypoint and zip it with a tool that keeps Unix modes (zip on Linux/macOS, or fclint pack)",
		Lang: "text",
		Wrong: `$ unzip -Z function.zip
-rw-r--r--  3.0 unx  9740288 bx defN 24-May-01 10:00 bootstrap
$ unzip -Z windows.zip
-rw-a--     2.0 fat  9740288 b- defN 24-May-01 10:00 bootstrap`,
		Right: `$ chmod 755 bootstrap && zip function.zip bootstrap
$ unzip -Z function.zip
-rwxr-xr-x  3.0 unx  9740288 bx defN 24-May-01 10:00 bootstrap`,
	},
	{
		ID: "FC204", Name: "bad-script", Severity: Error, Family: Package,
		Summary: "a script entrypoint has no shebang, CRLF line endings, or an interpreter the runtime lacks",
		Details: `For an entrypoint that is not a binary (read up to its first 64 KiB):
reports a missing "#!" line (also one hidden behind a UTF-8 byte-order mark),
CRLF line endings (also when only the lines after the shebang have them), a JAR
used as bootstrap, and a shebang whose
interpreter does not exist in the runtime image (such as "#!/usr/bin/python3.11"
on custom, or "#!/usr/local/bin/bash"). "#!/usr/bin/env NAME" is checked like
a command name against the image, its layers and PATH (see FC210).`,
		Why: `Without a shebang the kernel cannot run the file: "CAExited ... exec user
process caused "exec format error"". With CRLF the interpreter is looked up as
"/bin/bash\r" ("/bin/bash^M: bad interpreter"), and FC 3.0 reports "exited
unexpectedly(code 2, message:no such file or directory)". Git on Windows
converts line endings silently.`,
		Fix:  "start the script with #!/bin/bash and save it with LF line endings",
		Lang: "sh",
		Wrong: `$ file bootstrap
bootstrap: ASCII text, with CRLF line terminators
$ cat bootstrap
export PATH=/var/fc/lang/nodejs20/bin:$PATH
exec node /code/index.js`,
		Right: `$ file bootstrap
bootstrap: Bourne-Again shell script, ASCII text executable
$ cat bootstrap
#!/bin/bash
export PATH=/var/fc/lang/nodejs20/bin:$PATH
exec node /code/index.js`,
	},
	{
		ID: "FC205", Name: "wrong-binary", Severity: Error, Family: Package,
		Summary: "the entrypoint is not a Linux x86-64 executable",
		Details: `Reads the entrypoint's header. Reports Mach-O (built on macOS), PE (built on
Windows), ELF for another architecture (arm64, 386, ...) or a 32-bit ELF.
All custom runtimes are Linux x86_64; arm64 is not offered.`,
		Why: `The kernel refuses a binary for another OS or architecture: "CAExited ...
exec user process caused "exec format error"".`,
		Fix:  "build for the runtime: GOOS=linux GOARCH=amd64 CGO_ENABLED=0 go build -o bootstrap",
		Lang: "sh",
		Wrong: `$ go build -o bootstrap .        # on an Apple silicon Mac
$ file bootstrap
bootstrap: Mach-O 64-bit executable arm64`,
		Right: `$ GOOS=linux GOARCH=amd64 CGO_ENABLED=0 go build -o bootstrap .
$ file bootstrap
bootstrap: ELF 64-bit LSB executable, x86-64, version 1 (SYSV), statically linked, stripped`,
	},
	{
		ID: "FC206", Name: "glibc-too-new", Severity: Error, Family: Package,
		Summary: "a dynamically linked binary needs a newer glibc than the runtime has",
		Details: `For a dynamically linked ELF entrypoint, reads the GLIBC_x.y versions it
needs (from its version sections, without loading the rest) and compares the
highest with the runtime's glibc: custom (Debian 9) 2.24, custom.debian10
2.28, custom.debian11 2.31, custom.debian12 2.36. Static binaries are never
reported. A binary whose loader is musl's (built on Alpine) or a Nix store path
is reported too: the Debian images have neither. With no runtime in the
configuration the binary is judged against custom.debian10 and every other
custom runtime: it is a warning that names the assumption when a newer image
has the glibc it needs, an error only when none has.`,
		Why: `The dynamic loader refuses the binary before main runs:
"/lib64/libc.so.6: version 'GLIBC_2.32' not found", and the instance never
listens. It typically happens with CGO_ENABLED=1 builds on a newer distro.`,
		Fix:  "build with CGO_ENABLED=0, or on an image no newer than the runtime's Debian",
		Lang: "sh",
		Wrong: `$ go build -o bootstrap .        # cgo on Ubuntu 22.04 (glibc 2.35)
$ objdump -T bootstrap | grep -o 'GLIBC_2\.3[0-9]*' | sort -uV | tail -1
GLIBC_2.34`,
		Right: `$ CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o bootstrap .
$ file bootstrap
bootstrap: ELF 64-bit LSB executable, x86-64, version 1 (SYSV), statically linked`,
	},
	{
		ID: "FC207", Name: "missing-file", Severity: Error, Family: Package,
		Summary: "a file named by the command, args or bootstrap script is not in the package",
		Details: `Checks that the files the function starts are in the package: the program in
customRuntimeConfig.command, path arguments in command and args ("app.py",
"/code/server"), and the programs and files a bootstrap script runs ("exec
/code/server", "./main", "python3 app.py"). /code/X means X at the package
root, and relative paths are taken from /code. When checking a source
directory whose configuration builds the file in a pre-deploy action, the
finding is a warning.`,
		Why: `FC 3.0 fails with "Function instance exited unexpectedly(code 2, message:no
such file or directory)"; interpreters fail with "CAExited: can't open file
'/code/app.py'".`,
		Fix:  "ship the file at the path the command names, or fix the path (package root = /code)",
		Lang: "text",
		Wrong: `# s.yaml: code: ./code/target
customRuntimeConfig:
  command: ['/code/target/main']   # target/ is the package root, not a folder in it

$ unzip -Z1 function.zip
main`,
		Right: `# s.yaml: code: ./code/target
customRuntimeConfig:
  command: ['/code/main']

$ unzip -Z1 function.zip
main`,
	},
	{
		ID: "FC208", Name: "unsafe-entry", Severity: Error, Family: Package,
		Summary: "an entry has an absolute path, .. traversal, or a symlink escaping /code",
		Details: `Reports entries whose name is absolute ("/etc/passwd", "C:/x"), contains a
".." element, uses backslashes as separators, appears twice, or is a symlink
whose target resolves outside /code (an absolute target, or one with enough
".."). Names are checked as stored, before any cleaning an extractor would
do.`,
		Why: `FC unpacks the package into /code. Such entries either break the extraction
or write outside the code directory ("zip slip"), and a symlink out of /code
points at files that are not part of the image the function was tested with.`,
		Fix:  "rebuild the ZIP from inside the function directory with relative paths only (fclint pack DIR)",
		Lang: "text",
		Wrong: `$ unzip -Z function.zip
-rwxr-xr-x  3.0 unx  9740288 bx defN 24-May-01 10:00 bootstrap
-rw-r--r--  3.0 unx      212 tx defN 24-May-01 10:00 ../etc/app.conf
lrwxrwxrwx  3.0 unx        9 bx stor 24-May-01 10:00 data`,
		Right: `$ unzip -Z function.zip
-rwxr-xr-x  3.0 unx  9740288 bx defN 24-May-01 10:00 bootstrap
-rw-r--r--  3.0 unx      212 tx defN 24-May-01 10:00 etc/app.conf
drwxr-xr-x  3.0 unx        0 bx stor 24-May-01 10:00 data/`,
	},
	{
		ID: "FC209", Name: "package-size", Severity: Error, Family: Package,
		Summary: "the package is over the upload limit or looks like a decompression bomb",
		Details: `Reads sizes from the central directory, without inflating anything. Reports a
ZIP over 500 MB (the limit for the console, Serverless Devs and OSS uploads)
as an error, and one over 100 MB (the limit when the ZIP is sent
base64-encoded through the API or SDK) as a warning. Also reported: declared
uncompressed sizes so far beyond the compressed size, in ratio and in total,
that the archive looks like a decompression bomb: more than 10 GiB in total,
or a ratio above 100x once the total passes 1 GiB, or entries whose data
overlap in the file. For a
source directory, the total size of the files that would be zipped is used.`,
		Why: `FC refuses code packages over the limit at deploy time, and a package that
expands without bound can fill the instance's disk when it is unpacked.`,
		Fix:  "shrink the package: strip the binary (-ldflags=\"-s -w\"), exclude what the function does not run, move large data to OSS, NAS or a layer",
		Lang: "sh",
		Wrong: `$ ls -lh function.zip
-rw-r--r-- 1 dev dev 612M May  1 10:00 function.zip   # includes .git/ and test fixtures`,
		Right: `$ go build -ldflags="-s -w" -o bootstrap . && zip -X function.zip bootstrap
$ ls -lh function.zip
-rw-r--r-- 1 dev dev 4.1M May  1 10:00 function.zip`,
	},
	{
		ID: "FC210", Name: "interpreter-unavailable", Severity: Error, Family: Package,
		Summary: "the command names an interpreter the runtime image lacks or that needs PATH",
		Details: `Resolves the program named by customRuntimeConfig.command (and by
"#!/usr/bin/env NAME" shebangs) against what the runtime provides: the image's
built-in interpreters (custom: python3.7, node 10, java 8, php 7.4, ...;
custom.debian10: node 18/20 and python3.10 under /var/fc/lang/*/bin;
custom.debian11: python3.12 under /var/fc/lang; custom.debian12:
/usr/bin/python3 3.11), official layers listed in "layers" (Nodejs20 puts node
under /opt/nodejs20/bin) and directories added by environmentVariables.PATH.
Reports an interpreter that none of them provides, and one that exists only
under /var/fc/lang while PATH does not include it. A layer's interpreter whose
bin folder PATH does not include is a warning: the layer's README asks for
PATH=/opt/<layer>/bin:... (the console adds it, an s.yaml must), while FC's
docs present layer tools as available.`,
		Why: `The start command fails before the server runs: FC 3.0 reports "Function
instance exited unexpectedly(code 2, message:no such file or directory)". The
/var/fc/lang interpreters are not on the default PATH; the docs say to set
PATH=/var/fc/lang/<lang>/bin:/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin.`,
		Fix:  "use an interpreter the runtime has, add its directory to environmentVariables.PATH, or add the official layer",
		Lang: "yaml",
		Wrong: `runtime: custom.debian10
customRuntimeConfig:
  command: ['python3.10', 'app.py']   # /var/fc/lang/python3.10/bin is not on PATH`,
		Right: `runtime: custom.debian10
environmentVariables:
  PATH: /var/fc/lang/python3.10/bin:/usr/local/bin:/usr/bin:/bin
customRuntimeConfig:
  command: ['python3.10', 'app.py']`,
	},
	{
		ID: "FC211", Name: "invalid-archive", Severity: Error, Family: Package,
		Summary: "the package is not a ZIP, or is truncated or corrupt",
		Details: `Reports a package file that cannot be read as a ZIP: another format (a
tar.gz or a bare binary renamed to .zip), a truncated download, a damaged
central directory, or entries whose headers contradict it. This is a finding,
not a usage error: fclint still exits 1, not 2.`,
		Why: `FC cannot unpack the package into /code, so the deploy is rejected or the
function starts with no code at all.`,
		Fix:  "rebuild the ZIP (zip -r, or fclint pack DIR) and check it with unzip -t",
		Lang: "sh",
		Wrong: `$ file function.zip
function.zip: gzip compressed data, from Unix
$ unzip -t function.zip
  End-of-central-directory signature not found.`,
		Right: `$ unzip -t function.zip
    testing: bootstrap                OK
No errors detected in compressed data of function.zip.`,
	},

	{
		ID: "FC212", Name: "image-platform", Severity: Error, Family: Package,
		Summary: "the container image or its base is not linux/amd64",
		Details: `For an image archive (docker save, OCI layout): reports a config whose os and
architecture are not linux/amd64, and a multi-platform index that does not
list linux/amd64. For a Dockerfile: reports a FROM --platform (or a build
argument default it reads) that names another platform for the final stage,
and a build stage that runs "go build" with GOARCH set to another
architecture.`,
		Why: `FC's limits for custom container images say: "Only AMD64 images are supported.
If you build on an ARM device ... specify --platform linux/amd64"
(help.aliyun.com/en/functioncompute/fc-2-0/user-guide/overview-3). An image
built on an Apple-silicon Mac is arm64 by default, and once deployed FC
"cannot recognise it, and requests time out" (awesome-fc/custom-container-docs#14).`,
		Fix:  "build with docker build --platform linux/amd64, or FROM --platform=linux/amd64 in the final stage",
		Lang: "sh",
		Wrong: `$ docker build -t web:v1 .          # on an M1 Mac: linux/arm64
$ docker save -o web.tar web:v1 && fclint package web.tar`,
		Right: `$ docker build --platform linux/amd64 -t web:v1 .
$ docker save -o web.tar web:v1 && fclint package web.tar`,
	},

	{
		ID: "FC213", Name: "exposed-port", Severity: Error, Family: Package,
		Summary: "the Dockerfile's EXPOSE or the image's exposed ports do not include the configured port",
		Details: `Compares the ports a Dockerfile's final stage EXPOSEs (or an image config's
ExposedPorts) with customContainerConfig.port (caPort for the legacy fc
component; 9000 when unset). Reported when ports are exposed and none is the
configured port over TCP. A Dockerfile or image that exposes nothing is not
reported: EXPOSE is documentation, and FC does not need it.`,
		Why: `FC sends every request to the configured port: "Function Compute listens to
your custom HTTP server on the configured CAPort"
(help.aliyun.com/en/functioncompute/fc/user-guide/custom-container/). A server
on the exposed port is never reached and the start check fails: "Function
instance health check failed on port 9000 in 120 seconds." An FC team member
proposed this very check: "Your Dockerfile expose port X, but caPort is Y"
(devsapp/fc#203).`,
		Fix:  "make the server, EXPOSE and customContainerConfig.port agree",
		Lang: "text",
		Wrong: `# Dockerfile                 # s.yaml
EXPOSE 8080                  customContainerConfig:
CMD ["/app/server"]            port: 9000`,
		Right: `# Dockerfile                 # s.yaml
EXPOSE 9000                  customContainerConfig:
CMD ["/app/server"]            port: 9000`,
	},

	{
		ID: "FC214", Name: "shell-form-entrypoint", Severity: Warning, Family: Package,
		Summary: "the container starts its server through sh -c, which does not pass on SIGTERM",
		Details: `Reports an ENTRYPOINT or CMD in shell form (ENTRYPOINT node app.js, stored in
the image as ["/bin/sh", "-c", "node app.js"]) whose command string keeps the
shell running: a list, a pipe, a redirection or an expansion. A lone simple
command is not reported (bash and recent dash exec it in place of the shell),
nor a string that starts with exec.`,
		Why: `Docker's ENTRYPOINT reference: the shell form "will be started as a subcommand
of /bin/sh -c, which does not pass signals. This means that the executable
will not be the container's PID 1, and will not receive Unix signals". When FC
stops an instance the server gets no SIGTERM to shut down gracefully, and
in-flight requests are cut off.`,
		Fix:   "use the exec form, ENTRYPOINT [\"/app/server\"], or start the string with exec",
		Lang:  "text",
		Wrong: `ENTRYPOINT cd /app && ./server --port 9000`,
		Right: `WORKDIR /app
ENTRYPOINT ["./server", "--port", "9000"]`,
	},

	{
		ID: "FC215", Name: "image-size", Severity: Error, Family: Package,
		Summary: "the uncompressed container image is over FC's size limit",
		Details: `Adds up the image's layers once decompressed (what unpacking the image
takes). Over 15 GB is an error. Over 10 GB is an error for a function without
gpuConfig, and a warning when no configuration was found (only GPU instances
take such an image).`,
		Why: `FC's limits for custom container images: the uncompressed image may be at
most 10 GB for CPU instances and 15 GB for GPU instances
(help.aliyun.com/en/functioncompute/fc-2-0/user-guide/overview-3). A larger
image is refused at deploy.`,
		Fix:  "use a smaller base image and a multi-stage build; keep models and data on NAS or OSS",
		Lang: "sh",
		Wrong: `$ docker image ls web
web   v1   12.4GB   # the CUDA devel image and a model in the image`,
		Right: `$ docker image ls web
web   v1   3.1GB    # runtime base, model on NAS`,
	},

	{
		ID: "FC216", Name: "framework-defaults", Severity: Info, Family: Package,
		Summary: "a Go binary links a server framework whose defaults break FC's contract",
		Details: `Reads the build info of a Go entrypoint (debug/buildinfo; in a ZIP, a folder
or a container image) and lists the server frameworks linked in. It reports
those whose defaults, when the code leaves them unset, listen on another port
than CAPort or close connections or requests within 24 h: gin (Run() without
an address: $PORT, else :8080), gin-contrib/timeout (5 s), autotls (:80 and
:443), hertz (:8888; 3 min read and idle timeouts), GoFrame (60 s read and
idle timeouts), Kratos (:0 and a 1 s request timeout), go-zero (3000 ms),
iris (:8080), echo v5 (30 s read and write timeouts) and beego (8080). The
build info only shows that a module is linked, not whether the code sets
these values, so the finding is information: run fclint on the sources, where
FC101-FC106 judge what the code does. Frameworks whose defaults suit FC (echo
v4, fiber, fasthttp, chi, grpc) are named only beside one of these.
docs/frameworks.md cites each framework's source file and version.`,
		Why: `FC connects only to CAPort and reuses connections; an unconfigured default
port fails the start check with "Function instance health check failed on
port 9001 in 120 seconds." (FC 3.0), and a timeout below 24 h makes requests
fail with "Process exited unexpectedly before completing request" (HTTP 502).
A binary or an image is often all that is at hand (a CI artifact, an image
from a registry); this names what to check in the sources that built it.`,
		Fix:  "run fclint on the sources that build the binary (fclint ./... in its module, or fclint at the project root)",
		Lang: "sh",
		Wrong: `$ go version -m bootstrap
bootstrap: go1.22.5
	dep	github.com/gin-gonic/gin	v1.10.0	...
# main.go: r.Run()   ->  $PORT, else :8080; FC sets neither`,
		Right: `$ fclint ./...      # in the module that builds bootstrap
no findings         # r.Run(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
	},

	{
		ID: "FC301", Name: "invalid-config", Severity: Error, Family: Config,
		Summary: "the function configuration has a value FC rejects or that cannot work",
		Details: `Checks the function's configuration (s.yaml for the fc3 and fc components,
Funcraft template.yml, FC API JSON) against FC's ranges: runtime must be
custom, custom.debian10, custom.debian11 or custom.debian12 (there is no
custom.debian9); port 1-65535; timeout 1-86400 s; healthCheckConfig
initialDelaySeconds 0-120, periodSeconds 1-120, timeoutSeconds 1-3,
failureThreshold 1-120, successThreshold 1-120, httpGetUrl at most 2048
characters and starting with "/"; and the code path (a directory or .zip)
must exist. Findings point at the line in the configuration file.`,
		Why: `FC and Serverless Devs reject these values at deploy time, or accept a
function that cannot start; a code path that does not exist uploads nothing.
Finding them before deploy costs nothing.`,
		Fix:  "use a custom* runtime and values inside FC's documented ranges",
		Lang: "yaml",
		Wrong: `props:
  runtime: custom.debian9        # Debian 9 is plain "custom"
  code: ./code/target
  timeout: 100000                # at most 86400
  customRuntimeConfig:
    port: 90000                  # 1-65535
    healthCheckConfig:
      timeoutSeconds: 10         # 1-3`,
		Right: `props:
  runtime: custom.debian10
  code: ./code/target
  timeout: 600
  customRuntimeConfig:
    port: 9000
    healthCheckConfig:
      timeoutSeconds: 3`,
	},
	{
		ID: "FC302", Name: "startup-address", Severity: Error, Family: Config,
		Summary: "the startup command or bootstrap script binds loopback or a port other than CAPort",
		Details: `Reads customRuntimeConfig.command and args, and the commands in a bootstrap
script, for listen settings of common servers: gunicorn -b/--bind, uvicorn
and flask --host/--port, php -S HOST:PORT, java -Dserver.port=, node and
other --port/-p flags. Reports a loopback host (127.0.0.0/8, ::1, localhost)
and a literal port other than CAPort. $FC_CUSTOM_LISTEN_PORT and
$FC_SERVER_PORT (with or without a :-default) are accepted.`,
		Why: `The same failure as a Go server on the wrong address: FC cannot connect, and
the instance fails with "Function instance health check failed on port 9001
in 120 seconds." or "FunctionNotStarted ... connection refused".`,
		Fix:  "bind 0.0.0.0 and ${FC_CUSTOM_LISTEN_PORT:-9000}",
		Lang: "sh",
		Wrong: `#!/bin/bash
exec gunicorn -k gthread --threads 8 --keep-alive 86400 --timeout 0 \
  -b 127.0.0.1:8080 app:app`,
		Right: `#!/bin/bash
exec gunicorn -k gthread --threads 8 --keep-alive 86400 --timeout 0 \
  -b 0.0.0.0:${FC_CUSTOM_LISTEN_PORT:-9000} app:app`,
	},

	{
		ID: "FC401", Name: "not-listening", Severity: Error, Family: Probe,
		Summary: "nothing accepted connections on CAPort before the start deadline",
		Details: `fclint probe starts the function as FC would: the package unpacked into a
private temporary folder mounted at /code where the system allows it, the
configured command and args (or /code/bootstrap) run with FC's environment
(FC_CUSTOM_LISTEN_PORT, FC_SERVER_PORT, FC_FUNC_CODE_PATH, FC_REGION, ...)
in the code folder. It then watches the listening sockets of the process
tree. FC401 is reported when CAPort is not accepting connections by the start
deadline (--start-timeout, default 120 s, FC's limit) or when the process
exits first; the finding quotes the last lines of its output.`,
		Why: `FC gives a new instance 120 s to accept connections ("The HTTP server must be
ready within 120 seconds"), then fails it with "Function instance health
check failed on port 9001 in 120 seconds." A server that waits for a
database or a third-party call before listening fails the same way
("FunctionNotStarted ... connection refused").`,
		Fix:  "listen on CAPort first; do slow initialization after, or in an /initialize handler",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC401 not-listening: the process exited (exit status 1)
  before accepting connections on port 9000; its last output:
    2026/05/01 10:00:00 open /code/config.yaml: no such file or directory
  help: listen on CAPort first; do slow initialization after, or in an /initialize handler`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC402", Name: "loopback-only", Severity: Error, Family: Probe,
		Summary: "the process listens on CAPort only on a loopback address",
		Details: `After starting the function (see FC401), the probe reads which addresses the
process tree's sockets listen on. Reported when CAPort is bound only on
127.0.0.0/8 or ::1, the local form of FC101 and FC302. Sockets of other
processes on the machine are ignored. The probe itself still gets in through
loopback, so it goes on with the keep-alive checks (FC404, FC405) in the
same run.`,
		Why: `FC connects from outside the instance, so a loopback-only server refuses it:
"FunctionNotStarted ... Ping CA failed due to: dial tcp 21.0.5.7:9000:
getsockopt: connection refused".`,
		Fix:  "bind 0.0.0.0 (or \":PORT\") instead of 127.0.0.1 or localhost",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC402 loopback-only: the process listens on 127.0.0.1:9000 only;
  FC connects from outside the instance, so requests fail with "connection refused"
  help: bind 0.0.0.0 (or ":PORT") instead of 127.0.0.1 or localhost`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC403", Name: "wrong-port", Severity: Error, Family: Probe,
		Summary: "the process listens on TCP, but not on CAPort",
		Details: `After starting the function (see FC401), reported when the process tree
listens on TCP ports but not on CAPort; the finding names the ports. The probe
waits up to 10 s after the first listener (or until the start deadline, if
sooner) for CAPort to appear, since servers often open side ports first. When
it listens on nothing at all, FC401 applies instead.`,
		Why: `FC dials only CAPort: "Function instance health check failed on port 9001 in
120 seconds."`,
		Fix:  "listen on the port from FC_CUSTOM_LISTEN_PORT, or set customRuntimeConfig.port to the port used",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC403 wrong-port: the process listens on 0.0.0.0:8080 but not
  on CAPort 9000; FC sends requests to port 9000 only
  help: listen on the port from FC_CUSTOM_LISTEN_PORT, or set customRuntimeConfig.port to the port used`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC404", Name: "keepalive-broken", Severity: Error, Family: Probe,
		Summary: "the server closed the connection after a response or answered Connection: close",
		Details: `Over one connection to 127.0.0.1:CAPort the probe sends POST /invoke twice,
with FC's headers (x-fc-request-id, x-fc-function-name, x-fc-region, ...,
Content-Type: application/octet-stream), after POST /initialize when an
initializer is configured. Reported when the server answers "Connection:
close" or closes the connection after a response.`,
		Why: `FC reuses connections to the instance; the docs say "the HTTP server must
have keep-alive enabled". A connection closed under FC's next request fails
it with "Process exited unexpectedly before completing request".`,
		Fix:  "leave keep-alive on and never set Connection: close in responses",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC404 keepalive-broken: the server answered POST /invoke with
  Connection: close; FC keeps one connection open across invocations
  help: leave keep-alive on and never set Connection: close in responses`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC405", Name: "idle-timeout", Severity: Error, Family: Probe,
		Summary: "the server closed an idle keep-alive connection within the hold window",
		Details: `After the requests of FC404 succeed, the probe leaves the connection idle for
the hold window (--hold, default 10 s) and sends again. Reported when the
server closed the connection in between, with how long it stayed open. A
longer --hold finds longer idle timeouts (FC104 finds them in Go code).`,
		Why: `FC keeps idle connections to the instance and reuses them later, so the
server must not time them out within 24 h. A request that lands on a
connection the server just closed fails with "Process exited unexpectedly
before completing request".`,
		Fix:  "remove the server's idle/read timeout (or set it to 24h or more)",
		Lang: "text",
		Wrong: `$ fclint probe --hold 45s function.zip
function.zip: error FC405 idle-timeout: the server closed an idle keep-alive
  connection after 30s (held 45s); FC keeps idle connections open between
  invocations, so it fails with "Process exited unexpectedly before completing request"
  help: remove the server's idle/read timeout (or set it to 24h or more)`,
		Right: `$ fclint probe --hold 45s function.zip
no findings`,
	},
	{
		ID: "FC406", Name: "out-of-memory", Severity: Error, Family: Probe,
		Summary: "the function was killed for using more memory than memorySize",
		Details: `The probe runs the function with the configured memorySize (FC's default
512 MB) as its memory limit: cgroup v2 memory.max where a cgroup can be
delegated, cgroup v1 memory.limit_in_bytes as root, else RLIMIT_DATA per
process (the probe says which is in force). Reported when the kernel killed a
process of the function for memory, with the peak it reached. Under an
rlimit, allocations fail inside the function instead, and its own error shows
in FC401 or FC404.`,
		Why: `FC kills an instance that exceeds memorySize; the request fails with
"Process exited unexpectedly before completing request" and the log shows the
process killed (signal: killed).`,
		Fix:  "raise memorySize in the configuration, or bound the function's memory (heap flags, caches)",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC406 out-of-memory: the function was killed for memory:
  memorySize is 128 MB and it reached 128 MB; FC kills it the same way
  help: raise memorySize in the configuration, or bound the function's memory`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC407", Name: "initializer-failed", Severity: Error, Family: Probe,
		Summary: "an initializer is configured, but POST /initialize does not answer 2xx",
		Details: `When the configuration sets an initializer (instanceLifecycleConfig.initializer,
or initializer in FC 2.0 and the API), the probe sends POST /initialize before
the first invocation, as FC does. Reported when the answer is not 2xx: a 404
means the server has no such route.`,
		Why: `FC's lifecycle docs: "If you want to use the Initializer hook ... you must
implement the corresponding logic with the /initialize path and the POST
method". A failed initializer fails the instance: "If it fails ... the current
instance is destroyed, and a new instance is created to retry".`,
		Fix:  "serve POST /initialize with a 2xx answer, or remove the initializer from the configuration",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC407 initializer-failed: POST /initialize answered 404; an
  initializer is configured (index.init), so FC calls it before the first
  invocation and destroys the instance when it fails`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC408", Name: "invoke-failed", Severity: Error, Family: Probe,
		Summary: "an event function's POST /invoke answers 404 or 5xx",
		Details: `The probe sends POST /invoke with FC's headers (x-fc-request-id,
x-fc-function-name, x-fc-function-memory, ...). Reported for an event function
(its configuration lists triggers and none is an HTTP trigger) when the answer
is 404 or 5xx. FC never sends /invoke to an HTTP function, so its answer there
is shown in the timeline only.`,
		Why: `FC's event-function docs: "If the function uses an event handler, the HTTP
server needs to only implement the logic that corresponds to the /invoke path
and the POST method"; status 404 (and x-fc-status 404) fails the invocation.`,
		Fix:  "serve POST /invoke for an event function, and answer 2xx when the invocation succeeds",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC408 invoke-failed: POST /invoke answered 404; the
  configuration's triggers (timer) make this an event function, and FC fails
  every invocation that gets a 404 or 5xx`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC409", Name: "pre-stop-failed", Severity: Error, Family: Probe,
		Summary: "a PreStop hook is configured, but GET /pre-stop does not answer 2xx",
		Details: `When instanceLifecycleConfig.preStop is configured, the probe ends the run the
way FC stops an instance: GET /pre-stop on the kept connection. Reported when
the answer is not 2xx or the request fails.`,
		Why: `FC calls the PreStop hook before it stops an instance; "PreStop is GET
/pre-stop, and 404 means failed" (FC lifecycle hooks docs), so the cleanup it
was configured for never runs.`,
		Fix:  "serve GET /pre-stop with a 2xx answer, or remove preStop from the configuration",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC409 pre-stop-failed: GET /pre-stop answered 404; a PreStop
  hook is configured (index.preStop) and FC counts anything but 2xx as failed`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC410", Name: "health-check-failed", Severity: Error, Family: Probe,
		Summary: "the HTTP health check of healthCheckConfig.httpGetUrl fails",
		Details: `With customRuntimeConfig.healthCheckConfig.httpGetUrl, FC replaces its TCP check
with HTTP GETs, and so does the probe: after initialDelaySeconds (default 0),
GET httpGetUrl every periodSeconds (3) within timeoutSeconds (1), until
successThreshold (1) answers in a row are 2xx. Reported when failureThreshold
(3) in a row fail, or the start deadline passes first.`,
		Why: `An instance whose health check fails never gets requests: "Function instance
health check failed on port 9000 in 120 seconds."`,
		Fix:  "serve GET on httpGetUrl with 2xx once the server is ready, or fix httpGetUrl in the configuration",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC410 health-check-failed: the health check GET /ready failed
  3 time(s) in a row (failureThreshold 3): status 404; FC reports "Function
  instance health check failed on port 9000"`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC411", Name: "no-concurrency", Severity: Error, Family: Probe,
		Summary: "instanceConcurrency is above 1, but the server fails or serializes concurrent requests",
		Details: `With instanceConcurrency N > 1, the probe sends N invocations at once (at most
8), each on its own connection as FC does, after timing one alone. Reported
when some fail, or when they take about N times one alone (judged for requests
of 50 ms or more): the server handles one request at a time.`,
		Why: `instanceConcurrency N lets FC route up to N requests to one instance at
once; a server that answers one at a time makes them queue inside the
instance until they hit the function's timeout, and FC starts no new instance
for them.`,
		Fix:  "make the server handle requests concurrently (workers, threads, async), or set instanceConcurrency to 1",
		Lang: "text",
		Wrong: `$ fclint probe function.zip
function.zip: error FC411 no-concurrency: with instanceConcurrency 10 the server
  answers one request at a time: 8 concurrent invocations took 1612ms, one
  alone 201ms; requests queue in the instance until they time out`,
		Right: `$ fclint probe function.zip
no findings`,
	},
	{
		ID: "FC501", Name: "app-listen-address", Severity: Error, Family: AppServer,
		Summary: "the Node, Python, PHP, Java or .NET server the start command runs binds loopback or a port other than CAPort",
		Details: `Follows customRuntimeConfig.command/args or the bootstrap (through the scripts
it runs, npm/yarn start and package.json scripts) to the server program, and
reads only what that program reaches: the entry file and the package files
it requires or imports (never node_modules or site-packages), a config file
a flag names, and a jar's own application.properties/yml. The address comes
from the code or configuration, else from the server's default:
- Node: listen(port, host) and listen({port, host}) on any server,
  constants, process.env.X || default (FC_CUSTOM_LISTEN_PORT and
  FC_SERVER_PORT count as CAPort), parseInt/Number wrappers; fastify listens
  on localhost and port 0 unless told (v4/v5 lib/server.js); next start 3000;
  egg-scripts start 7001; Hapi.server({port, host, address}) (port 0 by
  default); listen() with no port is a random port.
- Python: uvicorn.run/uvicorn.Config (127.0.0.1:8000), flask app.run
  (127.0.0.1:5000), aiohttp web.run_app (port 8080), waitress serve (port
  8080), hypercorn without -b (127.0.0.1:8000), manage.py runserver
  (127.0.0.1:8000), bind in gunicorn.conf.py; os.environ.get/os.getenv
  defaults are followed.
- PHP: php artisan serve (127.0.0.1:8000, Laravel 8-11), php think run
  (port 8000); nginx -c FILE listen directives (a server without listen
  is *:80).
- Java: Spring Boot server.port (8080) and server.address from
  application.properties/yml inside the jar (BOOT-INF/classes, profile
  files and yml documents for spring.profiles.active), SERVER_PORT and
  ${VAR:default} placeholders; quarkus.http.port and micronaut.server.port
  (8080).
- .NET (dotnet X.dll): --urls, ASPNETCORE_URLS, DOTNET_URLS,
  ASPNETCORE_HTTP_PORTS, appsettings.json Urls and Kestrel:Endpoints;
  without any, Kestrel's http://localhost:5000 (ASP.NET Core 2.x-9.0; the
  8080 of .NET 8 is an environment variable of Microsoft's container
  images, not a framework default). An assembly that calls UseUrls,
  Listen* or ConfigureKestrel sets its address in code: not judged.
Flags that FC302 reads (gunicorn -b, uvicorn/flask --host/--port, php -S,
java -Dserver.port) are not reported again.`,
		Why: `FC forwards requests to 0.0.0.0:CAPort. A server on loopback or another port
never sees them, and the start fails: "Function instance health check failed
on port 9001 in 120 seconds." (FC 3.0) or "FunctionNotStarted ... connection
refused" (FC 2.0). The docs: the address "must be set to 0.0.0.0 or *".`,
		Fix:  "listen on 0.0.0.0 and the port in FC_CUSTOM_LISTEN_PORT (CAPort, 9000 by default)",
		Lang: "text",
		Wrong: `// Node: fastify listens on localhost unless told
fastify.listen({ port: 9000 })
# Python: uvicorn.run binds 127.0.0.1 unless told
uvicorn.run(app, port=9000)
# PHP: artisan serve binds 127.0.0.1:8000
php artisan serve
# Java: BOOT-INF/classes/application.properties
server.port=8080
// .NET: nothing set, Kestrel binds http://localhost:5000
dotnet Api.dll`,
		Right: `// Node
fastify.listen({ port: Number(process.env.FC_CUSTOM_LISTEN_PORT) || 9000, host: "0.0.0.0" })
# Python
uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("FC_CUSTOM_LISTEN_PORT", 9000)))
# PHP
php artisan serve --host=0.0.0.0 --port=${FC_CUSTOM_LISTEN_PORT:-9000}
# Java
server.port=${FC_CUSTOM_LISTEN_PORT:9000}
// .NET
dotnet Api.dll --urls http://0.0.0.0:${FC_CUSTOM_LISTEN_PORT:-9000}`,
	},
	{
		ID: "FC502", Name: "app-idle-timeout", Severity: Error, Family: AppServer,
		Summary: "the server's keep-alive or idle timeout closes connections FC reuses",
		Details: `Reports an idle, keep-alive or worker timeout below 24 h that the server
program sets or keeps by default (0 or less means none and is fine):
- Node: keepAliveTimeout 5 s through Node 25, 65 s since Node 26
  (nodejs/node#62782); server.timeout 120 s before Node 13
  (nodejs/node#27558), reported when the Node on PATH is known to be older
  (the custom image's Node 10); fastify's keepAliveTimeout 72 s and a
  connectionTimeout option; next start without --keepAliveTimeout. An
  assignment to keepAliveTimeout (on any object) or to timeout (on a
  server) in any reached file counts as set; headersTimeout and
  requestTimeout only bound reading a request and are not reported. The
  Node version comes from the official Nodejs layer or the image's node on
  PATH; when unknown, the message names both defaults.
- Python: uvicorn timeout_keep_alive / --timeout-keep-alive 5 s, hypercorn
  keep_alive_timeout 5 s, aiohttp run_app keepalive_timeout 75 s, waitress
  channel_timeout 120 s; gunicorn --keep-alive 2 s for gthread, gevent and
  uvicorn workers, and --timeout 30 s for the sync worker (a busy worker is
  killed), from flags, GUNICORN_CMD_ARGS and gunicorn.conf.py (or -c FILE).
- Java: the embedded Tomcat's keep-alive-timeout, which defaults to
  connection-timeout, 60 s (Spring Boot 2/3, Tomcat 9/10.1).
- .NET: Kestrel's Limits.KeepAliveTimeout, 130 s (ASP.NET Core 2.0-9.0),
  unless appsettings.json sets Kestrel:Limits:KeepAliveTimeout or the
  assembly sets it in code.
- nginx in front of php-fpm: keepalive_timeout, 75 s by default.`,
		Why: `FC keeps connections to the instance open and reuses them; the docs require
that "the HTTP server must have keep-alive enabled ... set the request timeout
period to 24 hours or longer", and the FC FAQ names these settings ("python
uvicorn ... --timeout-keep-alive", "server.timeout = 0; server.keepAliveTimeout
= 0"). A request sent on a connection the server just closed fails with
"Process exited unexpectedly before completing request" (HTTP 502); FC retries
only idempotent methods, so it shows as sporadic 502s on POST.`,
		Fix:  "turn the idle timeout off (0) or set it to 24 h or more",
		Lang: "text",
		Wrong: `// Node: keepAliveTimeout stays 5 s
app.listen(9000)
# Python: uvicorn closes idle connections after 5 s
uvicorn.run(app, host="0.0.0.0", port=9000)
$ gunicorn -k gthread -b 0.0.0.0:9000 app:app
# Java: application.properties
server.tomcat.keep-alive-timeout=60s
// .NET appsettings.json: the default is 130 s
{ "Kestrel": { "Limits": { "KeepAliveTimeout": "00:02:10" } } }`,
		Right: `// Node
const server = app.listen(9000)
server.keepAliveTimeout = 0
server.timeout = 0
# Python
uvicorn.run(app, host="0.0.0.0", port=9000, timeout_keep_alive=86400)
$ gunicorn -k gthread --keep-alive 86400 -b 0.0.0.0:9000 app:app
# Java
server.tomcat.keep-alive-timeout=-1
// .NET
{ "Kestrel": { "Limits": { "KeepAliveTimeout": "1.00:00:00" } } }`,
	},
	{
		ID: "FC503", Name: "app-connection-close", Severity: Error, Family: AppServer,
		Summary: "the server closes every connection or each one after a number of requests",
		Details: `Reports servers that cannot keep FC's connection open:
- php -S, php artisan serve and php think run: PHP's built-in web server
  sends "Connection: close" with every response (php-src
  sapi/cli/php_cli_server.c) and serves one request at a time, so with
  instanceConcurrency above 1 requests also queue.
- gunicorn's default sync worker: it closes every connection (gunicorn
  workers/sync.py; the docs: "the sync worker does not support persistent
  connections", gunicorn 20-23). --threads above 1 switches it to gthread,
  which keeps connections.
- Tomcat's max-keep-alive-requests in a Spring Boot jar (default 100): the
  connection is closed after that many requests; -1 means unlimited.
- nginx keepalive_timeout 0, which turns keep-alive off.
Not covered: nginx keepalive_requests and keepalive_time, Jetty, Undertow
and Netty servers in Spring Boot jars.`,
		Why: `FC reuses one connection for many requests, and the docs say "the HTTP server
must have keep-alive enabled". When the server closes the connection after a
response, FC's next request on it fails with "Process exited unexpectedly
before completing request" (HTTP 502).`,
		Fix:  "serve with a server that keeps connections open: php-fpm behind nginx, gunicorn -k gthread, max-keep-alive-requests=-1",
		Lang: "text",
		Wrong: `# PHP: the built-in server closes every connection
php -S 0.0.0.0:9000 -t public
# Python: gunicorn's default sync worker closes every connection
$ gunicorn -b 0.0.0.0:9000 app:app
# Java: Tomcat closes each connection after 100 requests by default
server.port=9000`,
		Right: `# PHP
php-fpm -D && exec nginx -c /code/nginx.conf -g 'daemon off;'
# Python
$ gunicorn -k gthread --threads 8 --keep-alive 86400 -b 0.0.0.0:9000 app:app
# Java
server.port=9000
server.tomcat.max-keep-alive-requests=-1`,
	},
}

// serverModel is what FC101–FC106 share: how far fclint follows a value.
const serverModel = `

What fclint follows (one model of the program's servers for FC101–FC106):
within a package, values are followed through literals, constants, string
concatenation, fmt.Sprintf, net.JoinHostPort, strconv, flag defaults (also
flag.XxxVar into a struct field), environment variables, fallbacks
(if x == "", cmp.Or, err != nil after strconv.Atoi), assignments (the last
one wins in straight-line code), the parameters and results of the
package's functions (each call of a helper with its own arguments, up to
four calls deep; defaults[0] of a variadic parameter is the call's
argument), struct fields (literals, assignments, fields of fields, fields
promoted from an embedded http.Server), closures, a range over a slice
literal, and option slices (opts := []T{...}; opts = append(opts, ...);
NewServer(opts...); an option appended in a branch may be missing).
FC_CUSTOM_LISTEN_PORT and FC_SERVER_PORT are the CAPort, whatever helper
reads them, in this package or another; the configuration's
environmentVariables and customRuntimeConfig args set values, for timeouts
as for ports; a variable that neither the found configuration nor FC sets
is empty (strconv.Atoi makes it 0, a random port).
Across the packages of the analyzed module(s) values travel as analysis
facts, the same under fclint check, go vet and golangci-lint: an exported
function's results (and the fields, also promoted ones, of the struct it
returns), an exported package variable, every write to an exported struct
field in its own package, and a wrapper, an exported function or method
that starts a server on an address it is given (a parameter, or a field its
constructor's parameter set). A wrapper's call is the listen site, judged
with the caller's arguments; a parameter that reached a field is the
arguments of every call of the constructor in the judging package. A
server, engine or configuration built in another package and started in
this one is a server of this package; a setting another package's
constructor takes from a parameter (server.New(addr, 30*time.Second)) is
judged at the call's argument, one it fixes itself in its own package.
A server counts when the package's entry points can start it: in package
main, main and init; in another package, its exported functions too;
everywhere, methods and functions used as values (directly or through
calls). A server in a helper that nothing reaches is not reported while a
reachable server exists; a wrapper's server is judged by its callers.
Files that import "C" are analyzed. Not followed: values decided in the
standard library or in modules from the module cache (the framework
registry describes those), maps, channels, interface method calls,
reflection, and files read at run time, except three framework files:
beego's conf/app.conf for Run() without an address, the YAML or JSON file
go-zero's conf.MustLoad fills a RestConf from, and GoFrame's config.yaml,
.yml or .json (searched as gcfg does: the code root, config/,
manifest/config/, GF_GCFG_FILE, GF_GCFG_PATH), whose server node gives the
address of a g.Server() started without an address setter and its read,
write and idle timeouts (a TOML file makes them unknown). Such values are
unknown, and unknown values are never reported. Evaluation is linear in
the package's size with a step budget; a spent
budget makes the remaining values unknown.`
