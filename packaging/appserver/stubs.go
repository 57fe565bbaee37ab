package appserver

func (a *analysis) dotnet(args []string) {}
