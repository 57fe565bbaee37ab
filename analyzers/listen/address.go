package listen

import (
	"strconv"
	"strings"

	"github.com/fclint/fclint/analyzers/eval"

	"github.com/fclint/fclint/internal/fcfacts"
)

// Piece is the host or the port of an address: known text, the CAPort, or unknown.
type Piece struct {
	Text   string
	Known  bool
	CAPort bool      // the port comes from FC_CUSTOM_LISTEN_PORT / FC_SERVER_PORT
	Single bool      // the piece is one part's text (not assembled from several)
	From   eval.Part // the part of the value that holds the piece: position, literal, origin
}

// Addr is one possible address of a listen site.
type Addr struct {
	Value eval.Value // the whole address value
	Host  Piece
	Port  Piece
	// Default says why the address is a library default ("gin's default
	// because Run() has no address"); "" when the code gives the address.
	Default string
}

// String renders the address for messages.
func (a Addr) String() string {
	host := "?"
	if a.Host.Known {
		host = a.Host.Text
		if strings.Contains(host, ":") {
			host = "[" + host + "]"
		}
	}
	port := ""
	switch {
	case a.Port.CAPort:
		port = "$" + a.Port.From.Origin
		if a.Port.From.Origin == "" {
			port = "$FC_CUSTOM_LISTEN_PORT"
		}
	case a.Port.Known:
		port = a.Port.Text
	default:
		return host + " (port unknown)"
	}
	return host + ":" + port
}

// Loopback reports whether the host is surely a loopback address.
func (a Addr) Loopback() bool {
	if !a.Host.Known {
		return false
	}
	return fcfacts.IsLoopbackHost(a.Host.Text)
}

// Internal reports whether the address is loopback on a random port: a
// listener for tests or for the process itself (a local test server, an IPC
// socket), never a server that a client must find, so FC101 and FC102 leave it.
func (a Addr) Internal() bool {
	n, ok := a.PortNumber()
	return ok && n == 0 && a.Loopback()
}

// services maps the named ports FC functions use to numbers (net.LookupPort
// would consult the machine's /etc/services; the function runs elsewhere).
var services = map[string]int{"http": 80, "https": 443, "http-alt": 8080, "www": 80}

// PortNumber returns the port as a number when known: "" and "0" are 0 (a
// random port), service names are resolved.
func (a Addr) PortNumber() (int, bool) {
	if !a.Port.Known || a.Port.CAPort {
		return 0, false
	}
	if a.Port.Text == "" {
		return 0, true
	}
	if n, err := strconv.Atoi(a.Port.Text); err == nil && n >= 0 && n < 65536 {
		return n, true
	}
	n, ok := services[strings.ToLower(a.Port.Text)]
	return n, ok
}

// IsCAPort reports whether the port is surely the CAPort: read from FC's
// environment, or the number caport.
func (a Addr) IsCAPort(caport int) bool {
	if a.Port.CAPort {
		return true
	}
	n, ok := a.PortNumber()
	return ok && n == caport
}

// parseAddr splits an address value into host and port. The split is at the
// last colon of the known text; a port that is exactly FC's port variable is
// the CAPort; anything unknown after the colon makes the port unknown, and
// anything unknown before it the host.
func parseAddr(v eval.Value) Addr {
	a := Addr{Value: v}
	parts := v.Str()
	// Find the last colon in known text that has no unknown part after it
	// except the port itself.
	colonPart, colonAt := -1, -1
	for i := len(parts) - 1; i >= 0 && colonPart < 0; i-- {
		p := parts[i]
		if p.Sym != eval.Text {
			continue
		}
		if j := strings.LastIndexByte(p.Text, ':'); j >= 0 {
			colonPart, colonAt = i, j
		}
	}
	if colonPart < 0 {
		return a // no colon: unknown host and port
	}
	colon := parts[colonPart]
	hostEnd := colon
	hostEnd.Text = colon.Text[:colonAt]
	portStart := colon
	portStart.Text, portStart.Offset = colon.Text[colonAt+1:], colon.Offset+colonAt+1
	// Host: everything before the colon.
	a.Host = piece(append(append([]eval.Part(nil), parts[:colonPart]...), hostEnd))
	if a.Host.Known {
		h := a.Host.Text
		if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
			a.Host.Text = h[1 : len(h)-1]
		} else if strings.Contains(h, ":") {
			a.Host.Known = false // a colon in the host without brackets: not an address we understand
		}
	}
	// Port: everything after the colon.
	a.Port = piece(append([]eval.Part{portStart}, parts[colonPart+1:]...))
	return a
}

// piece concatenates parts into a host or port: known when all are text, the
// CAPort when the only non-empty part is FC's port variable. From is the first
// part that contributes (for positions and fixes).
func piece(parts []eval.Part) Piece {
	var b strings.Builder
	known := true
	var nonEmpty []eval.Part
	for _, p := range parts {
		if p.Sym != eval.Text {
			known = false
		}
		if p.Sym != eval.Text || p.Text != "" {
			nonEmpty = append(nonEmpty, p)
		}
		b.WriteString(p.Text)
	}
	pc := Piece{Text: b.String(), Known: known}
	switch {
	case len(nonEmpty) == 1 && nonEmpty[0].Sym == eval.CAPort:
		pc = Piece{CAPort: true, From: nonEmpty[0]}
	case len(nonEmpty) > 0:
		pc.From = nonEmpty[0]
		pc.Single = len(nonEmpty) == 1
	default:
		pc.From = parts[len(parts)-1]
	}
	return pc
}
