package appserver

func (a *analysis) php(args []string)    {}
func (a *analysis) nginx(args []string)  {}
func (a *analysis) java(args []string)   {}
func (a *analysis) dotnet(args []string) {}
