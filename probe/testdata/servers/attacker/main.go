// Command attacker plays a hostile function: before serving like "clean" it
// tries what ATTACK names and prints one line per attempt, "OK ..." when it
// got through and "DENIED ..." when it did not. The probe's tests check the
// lines and the host.
//
//	write    WRITE_PATHS (colon-separated): create a file in each
//	remount  remount /code read-write, directly and from a new user namespace
//	connect  CONNECT_ADDR: connect to a listener outside the sandbox
//	alloc    ALLOC_MB: allocate and touch that much memory
//	headers  answer every request with endless response headers
//	read     READ_PATHS: read each file
//	whoami   print "ID uid=U gid=G home=HOME"
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "remount-child" {
		// In a user and mount namespace of its own, where it holds every
		// capability: the copied mounts must be locked read-only.
		err := syscall.Mount("", "/code", "", syscall.MS_REMOUNT|syscall.MS_BIND, "")
		if err == nil {
			err = os.WriteFile("/code/pwned", []byte("pwned"), 0o644)
		}
		if err != nil {
			fmt.Print(err)
			os.Exit(1)
		}
		return
	}
	for _, attack := range strings.Split(os.Getenv("ATTACK"), ",") {
		switch attack {
		case "write":
			for _, p := range strings.Split(os.Getenv("WRITE_PATHS"), ":") {
				report("write "+p, os.WriteFile(p, []byte("pwned"), 0o644))
			}
		case "whoami":
			fmt.Printf("ID uid=%d gid=%d home=%s\n", os.Getuid(), os.Getgid(), os.Getenv("HOME"))
		case "read":
			for _, p := range strings.Split(os.Getenv("READ_PATHS"), ":") {
				b, err := os.ReadFile(p)
				if err == nil && len(b) == 0 {
					err = fmt.Errorf("empty")
				}
				report("read "+p, err)
			}
		case "remount":
			report("remount /code", syscall.Mount("", "/code", "", syscall.MS_REMOUNT|syscall.MS_BIND, ""))
			// From a user namespace of its own, where it is root again.
			cmd := exec.Command("/proc/self/exe", "remount-child")
			cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS}
			out, err := cmd.CombinedOutput()
			report("remount /code in a new user namespace", wrap(err, out))
		case "connect":
			c, err := net.DialTimeout("tcp", os.Getenv("CONNECT_ADDR"), time.Second)
			if err == nil {
				c.Close()
			}
			report("connect "+os.Getenv("CONNECT_ADDR"), err)
		case "alloc":
			mb, _ := strconv.Atoi(os.Getenv("ALLOC_MB"))
			var keep [][]byte
			for i := 0; i < mb; i += 16 {
				b := make([]byte, 16<<20)
				for j := range b {
					if j%4096 == 0 {
						b[j] = 1
					}
				}
				keep = append(keep, b)
			}
			report(fmt.Sprintf("alloc %d MB", len(keep)*16), nil)
		}
	}
	port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	ln, err := net.Listen("tcp", ":"+port)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if os.Getenv("ATTACK") == "headers" {
		serveEndlessHeaders(ln)
		return
	}
	http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
}

func serveEndlessHeaders(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			buf := make([]byte, 4096)
			c.Read(buf)
			c.Write([]byte("HTTP/1.1 200 OK\r\n"))
			line := []byte("X-Filler: " + strings.Repeat("a", 1000) + "\r\n")
			for {
				if _, err := c.Write(line); err != nil {
					return
				}
			}
		}()
	}
}

func wrap(err error, out []byte) error {
	if err != nil {
		return fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

func report(what string, err error) {
	if err != nil {
		fmt.Printf("DENIED %s: %v\n", what, err)
		return
	}
	fmt.Printf("OK %s\n", what)
}
