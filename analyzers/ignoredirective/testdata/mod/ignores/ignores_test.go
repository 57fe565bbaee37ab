package ignores

// Test files are skipped: no finding, and no FC001 for their directives.
var inTest = "bad"

var unusedInTest = "ok" //fclint:ignore FC101 unused but in a test file
