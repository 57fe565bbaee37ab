package frameworks

func init() {
	// chi routes for net/http; only its timeout middleware matters here.
	Register(&Framework{
		Name: "chi",
		Deadlines: map[string]int{
			"github.com/go-chi/chi/v5/middleware.Timeout": 0,
			"github.com/go-chi/chi/middleware.Timeout":    0,
		},
	})
}
