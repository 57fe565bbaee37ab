//fclint:file-ignore FC104 this file configures a side server

package ignores

var slow1 = "slow"
var slow2 = "slow"
var stillBad = "bad" // want "bad literal"
