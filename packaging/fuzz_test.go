package packaging

import (
	"bytes"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/internal/ziptest"
)

// FuzzCheckZip runs every package check on arbitrary bytes: no input may
// panic or hang; invalid ones are FC211.
func FuzzCheckZip(f *testing.F) {
	f.Add(ziptest.Bytes(f, zf{Name: "bootstrap", Body: "#!/bin/bash\r\nexec gunicorn -b 127.0.0.1:8080 app:app\n./main\n", Mode: 0o755}, zf{Name: "main", Body: "\x7fELF\x02\x01\x01", Mode: 0o755, Store: true}))
	f.Add(ziptest.Bytes(f, zf{Name: "bootstrap", Body: "main", Mode: 0o120777}, zf{Name: "main", Body: "bootstrap", Mode: 0o120777}))
	f.Add(ziptest.Bytes(f, zf{Name: "app/bootstrap", Body: "x", NoUnix: true}, zf{Name: "../x"}, zf{Name: "/abs"}))
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add([]byte("not a zip"))
	fn := &config.Function{Format: config.FormatFC3, Runtime: config.Field[string]{Value: "custom", Set: true},
		Command: config.Field[[]string]{Value: []string{"/bin/bash", "-c", "cd app && ./run.sh --port $FC_SERVER_PORT"}, Set: true}}
	viaShell := &config.Function{Format: config.FormatFC3, Command: config.Field[[]string]{Value: []string{"bash", "bootstrap"}, Set: true}}
	f.Fuzz(func(t *testing.T, data []byte) {
		pkg, err := archive.NewZip("function.zip", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		CheckPackage(pkg, Options{Path: "function.zip", WorkDir: "/"})
		CheckPackage(pkg, Options{Path: "function.zip", WorkDir: "/", Function: fn})
		CheckPackage(pkg, Options{Path: "function.zip", WorkDir: "/", Function: viaShell})
	})
}
