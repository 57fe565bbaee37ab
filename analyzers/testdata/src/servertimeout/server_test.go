package servertimeout

import (
	"net/http"
	"time"
)

// Test files are skipped by default.
var testServer2 = &http.Server{ReadTimeout: 30 * time.Second}
