package eval

import "testing"

// TestLookupKeysMerge: a go-zero YAML file may share settings through an
// anchor and a merge key; the key is found without case, and a key of the
// mapping's own wins over a merged one.
func TestLookupKeysMerge(t *testing.T) {
	root, err := parseConfig([]byte("base: &b\n  Port: 8080\n  Host: 0.0.0.0\nRest:\n  <<: *b\n  host: 127.0.0.1\n"))
	if err != nil {
		t.Fatal(err)
	}
	for keys, want := range map[[2]string]string{{"rest", "port"}: "8080", {"Rest", "Host"}: "127.0.0.1"} {
		n, ok := lookupKeys(root, keys[:])
		if !ok || n.Value != want {
			t.Errorf("lookupKeys(%v) = %v, %v; want %s", keys, n, ok, want)
		}
	}
	if _, ok := lookupKeys(root, []string{"rest", "timeout"}); ok {
		t.Errorf("lookupKeys(rest.timeout) found a key the file lacks")
	}
}
