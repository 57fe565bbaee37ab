package appserver

func (a *analysis) java(args []string)   {}
func (a *analysis) dotnet(args []string) {}
