package stubcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// check type-checks one file as package example.com/fw; each call is its own
// universe, as a stand-in and the real module are.
func check(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "fw.go", "package fw\n"+src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{}).Check("example.com/fw", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

const realFramework = `
type Option func(*Server)
type Config struct {
	Addr        string
	ReadTimeout int64
	Hooks       []func(any) error
	hidden      int
}
type Server struct {
	*Engine
	Config
}
type Engine struct{}
func (e *Engine) Run() error { return nil }
func (s *Server) Listen(network, addr string) (any, error) { return nil, nil }
func (s Server) Name() string { return "" }
type Context interface {
	Param(name string) string
	JSON(code int, v interface{}) error
}
func WithAddr(addr string) Option { return nil }
func New(opts ...Option) *Server { return nil }
const DefaultAddr = ":8888"
var DefaultTimeout int64 = 3000
`

func TestCompareAcceptsAFaithfulSubset(t *testing.T) {
	stub := check(t, `
type Option func(*Server)
type Config struct {
	Addr  string
	Hooks []func(interface{}) error
	other bool
}
type Server struct {
	*Engine
}
type Engine struct{}
func (e *Engine) Run() error { return nil }
func (s *Server) Listen(network, addr string) (interface{}, error) { return nil, nil }
type Context interface {
	JSON(code int, v any) error
}
func WithAddr(a string) Option { return nil }
func New(opts ...Option) *Server { return nil }
const DefaultAddr = ":8888"
var DefaultTimeout int64
func helper() {}
`)
	if got := Compare(stub, check(t, realFramework)); len(got) > 0 {
		t.Errorf("a faithful stand-in reported:\n%s", strings.Join(got, "\n"))
	}
}

func TestCompareFindsEveryDrift(t *testing.T) {
	stub := check(t, `
type Option func(Server)
type Config struct {
	Addr        int
	ReadTimeout int64
	Port        int
}
type Server struct {
	Engine
}
type Engine struct{}
func (e Engine) Run() error { return nil }
func (s *Server) Listen(addr string) (any, error) { return nil, nil }
func (s *Server) Run() error { return nil }
func (s *Server) Name() string { return "" }
type Context interface {
	Param(name string) []byte
	Query(name string) string
}
func WithAddr(addr string, more ...string) Option { return nil }
func New(opts []Option) *Server { return nil }
func Default() *Server { return nil }
const DefaultAddr = ":8080"
const DefaultTimeout = 3000
`)
	got := strings.Join(Compare(stub, check(t, realFramework)), "\n")
	for _, want := range []string{
		"fw.Option: underlying func(example.com/fw.Server)",
		"fw.Config: field Addr: type int, real string",
		"fw.Config: field Port: not in the real struct",
		"fw.Server: field Engine: type example.com/fw.Engine, real *example.com/fw.Engine",
		"fw.Engine: method Run: receiver example.com/fw.Engine, real *example.com/fw.Engine",
		"fw.Server: method Listen: signature",
		"fw.Server: method Run: promoted in the real type",
		"fw.Server: method Name: receiver *example.com/fw.Server, real example.com/fw.Server",
		"fw.Context: method Param: signature",
		"fw.Context: method Query: not in the real interface",
		"fw.WithAddr: signature",
		"fw.New: signature",
		"fw.Default: not declared by the real package",
		"fw.DefaultAddr: value \":8080\", real \":8888\"",
		"fw.DefaultTimeout: the real package declares a var",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func TestModuleOfPicksTheLongestPath(t *testing.T) {
	for pkg, want := range map[string]string{
		"github.com/labstack/echo":                  "github.com/labstack/echo",
		"github.com/labstack/echo/middleware":       "github.com/labstack/echo",
		"github.com/labstack/echo/v4/middleware":    "github.com/labstack/echo/v4",
		"github.com/go-chi/chi/v5/middleware":       "github.com/go-chi/chi/v5",
		"github.com/go-chi/chi/middleware":          "github.com/go-chi/chi",
		"github.com/gogf/gf/v2/net/ghttp":           "github.com/gogf/gf/v2",
		"google.golang.org/grpc/keepalive":          "google.golang.org/grpc",
		"github.com/go-kratos/kratos/v2/transport":  "github.com/go-kratos/kratos/v2",
		"github.com/cloudwego/hertz/pkg/app/server": "github.com/cloudwego/hertz",
	} {
		if m, ok := ModuleOf(pkg); !ok || m.Path != want {
			t.Errorf("ModuleOf(%s) = %q, %v; want %s", pkg, m.Path, ok, want)
		}
	}
	if m, ok := ModuleOf("github.com/labstack/echoes"); ok {
		t.Errorf("ModuleOf matched %s inside a path element", m.Path)
	}
}
