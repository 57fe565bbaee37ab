package probe

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
)

func opener(files map[string]string) func(string) (io.ReadCloser, error) {
	return func(name string) (io.ReadCloser, error) {
		b, ok := files[name]
		if !ok {
			return nil, fs.ErrNotExist
		}
		return io.NopCloser(strings.NewReader(b)), nil
	}
}

func TestResolveUser(t *testing.T) {
	files := map[string]string{
		"etc/passwd": "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\napp:x:1001:1002::/home/app:/bin/sh\nbad:x:abc:1::/:/bin/sh\nnohome:x:7:8::::\n",
		"etc/group":  "root:x:0:\nstaff:x:50:app\nbadg:x:zz:\n",
	}
	for _, c := range []struct {
		user string
		want imageUser
		err  string
	}{
		{"", imageUser{0, 0, "/root"}, ""},
		{"root", imageUser{0, 0, "/root"}, ""},
		{"app", imageUser{1001, 1002, "/home/app"}, ""},
		{"app:staff", imageUser{1001, 50, "/home/app"}, ""},
		{"app:0", imageUser{1001, 0, "/home/app"}, ""},
		{"1001", imageUser{1001, 1002, "/home/app"}, ""},
		{"4242", imageUser{4242, 0, "/"}, ""},
		{"4242:staff", imageUser{4242, 50, "/"}, ""},
		{"nohome", imageUser{7, 8, "/"}, ""},
		{"12ab", imageUser{}, "unable to find user 12ab: no matching entries in passwd file"},
		{"ghost", imageUser{}, "unable to find user ghost: no matching entries in passwd file"},
		{"app:ghosts", imageUser{}, "unable to find group ghosts: no matching entries in group file"},
		{"bad", imageUser{}, "invalid uid or gid"},
		{"app:badg", imageUser{}, "invalid gid"},
		{"4294967295", imageUser{}, "out of range"},
		{"99999999999999999999999", imageUser{}, "out of range"},
		{":staff", imageUser{}, "empty user name"},
		{"app:", imageUser{}, "empty group name"},
	} {
		got, err := resolveUser(c.user, opener(files))
		if c.err != "" {
			var ue *userError
			if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), c.err) {
				t.Errorf("USER %q: err = %v, want %q", c.user, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("USER %q = %+v, %v; want %+v", c.user, got, err, c.want)
		}
	}
	// No passwd at all: names fail, numbers stand alone.
	if _, err := resolveUser("app", opener(nil)); err == nil {
		t.Error("a name resolved without /etc/passwd")
	}
	if got, err := resolveUser("", opener(nil)); err != nil || got != (imageUser{0, 0, "/"}) {
		t.Errorf("root without passwd = %+v, %v", got, err)
	}
}

// FuzzResolveUser: a hostile passwd, group and USER give an identity in
// range or an error, never a panic.
func FuzzResolveUser(f *testing.F) {
	f.Add("app:staff", "app:x:1001:1002::/home/app:/bin/sh\n", "staff:x:50:\n")
	f.Add("1001", "app:x:-1:99999999999::/:/\n", "")
	f.Add("x:y", "x:x:1:2:::\n", "y:x:3\n")
	f.Fuzz(func(t *testing.T, user, passwd, group string) {
		u, err := resolveUser(user, opener(map[string]string{"etc/passwd": passwd, "etc/group": group}))
		if err != nil {
			return
		}
		if u.uid < 0 || u.uid > maxID || u.gid < 0 || u.gid > maxID || u.home == "" {
			t.Fatalf("USER %q resolved to %+v", user, u)
		}
	})
}
