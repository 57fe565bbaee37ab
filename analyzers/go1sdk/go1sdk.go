// Package go1sdk reports FC107: fc-runtime-go-sdk's Start functions in a
// function whose runtime is custom*. The SDK serves the go1 runtime: it
// long-polls FC_RUNTIME_API and binds no port, so a custom runtime's health
// check on CAPort never succeeds. With no configuration found the finding is a
// warning (the code may be meant for go1); with runtime go1 there is none.
package go1sdk

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/rules"
)

var rule = rules.MustGet("FC107")

// sdkPath is the go1 runtime's SDK package; every Start* function in it
// hands the process to the runtime API.
const sdkPath = "github.com/aliyun/fc-runtime-go-sdk/fc"

// Analyzer reports FC107.
var Analyzer = &analysis.Analyzer{
	Name:     rule.ID,
	Doc:      rule.AnalyzerDoc(),
	URL:      rule.URL(),
	Requires: diag.Requires,
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	if !importsSDK(pass) {
		return nil, nil
	}
	cfg := fcconfig.Of(pass)
	severity, where := judge(cfg)
	if severity == 0 {
		return nil, nil
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name, ok := sdkStart(pass, call)
			if !ok {
				return true
			}
			msg := fmt.Sprintf("fc.%s is the go1 runtime's SDK: it long-polls FC_RUNTIME_API and binds no port, %s, so FC's health check on port %d never succeeds",
				name, where, cfg.CAPort())
			diag.Report(pass, diag.Finding{Rule: rule, Node: call, Message: msg, Severity: severity})
			return true
		})
	}
	return nil, nil
}

// judge decides the severity from the configured runtime: error for custom*,
// warning when unknown, none otherwise (go1 and the other built-in runtimes).
func judge(cfg *fcconfig.Config) (rules.Severity, string) {
	rt := cfg.Function.Runtime
	switch {
	case rt.Known() && strings.HasPrefix(rt.Value, "custom"):
		where := "but this function's runtime is " + rt.Value
		if cfg.Function.File != "" {
			where += " (" + filepath.Base(cfg.Function.File) + ")"
		}
		return rules.Error, where
	case rt.Known():
		return 0, ""
	case !cfg.Found:
		return rules.Warning, "and no FC configuration was found: in a custom runtime"
	default:
		return rules.Warning, "and the configured runtime is not known: in a custom runtime"
	}
}

func importsSDK(pass *analysis.Pass) bool {
	for _, p := range pass.Pkg.Imports() {
		if p.Path() == sdkPath {
			return true
		}
	}
	return false
}

// sdkStart reports whether call calls one of the SDK's Start functions.
func sdkStart(pass *analysis.Pass, call *ast.CallExpr) (string, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	obj := pass.TypesInfo.Uses[sel.Sel]
	if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != sdkPath || !strings.HasPrefix(obj.Name(), "Start") {
		return "", false
	}
	return obj.Name(), true
}
