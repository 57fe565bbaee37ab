package listen

import "github.com/fclint/fclint/rules"

// Doc is an analyzer's Doc for a rule: the catalog's summary and details.
func Doc(r *rules.Rule) string {
	if r.Details == "" {
		return r.Summary
	}
	return r.Summary + "\n\n" + r.Details
}
