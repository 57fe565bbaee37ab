//nolint:fclint // the whole file: placed before the package clause

package nolintfile

var a = "bad"
var b = "slow"
