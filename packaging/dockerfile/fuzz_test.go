package dockerfile

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"FROM --platform=$BUILDPLATFORM golang:1.23 AS b\nARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build -o /s .\nFROM scratch\nCOPY --from=b /s /s\nEXPOSE 9000/tcp 8000-8010\nENTRYPOINT [\"/s\"]\n",
		"ARG X=1\nFROM a AS base\nENV A=1 B=\"two words\" C=${A:-x}\nWORKDIR app\nCMD echo $A && exec ./s\nFROM base\nENTRYPOINT x\n",
		"# escape=`\nFROM x\nRUN <<EOF\necho hi\nEOF\nCMD [\"a\", \n",
		"FROM\nENV\nEXPOSE\nWORKDIR\nCMD\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		df, err := Parse(strings.NewReader(src))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			return
		}
		if final := df.Final(); final != nil {
			_ = final.Argv()
			_ = final.Expand("$A ${B} ${C:-d} $")
		}
	})
}
