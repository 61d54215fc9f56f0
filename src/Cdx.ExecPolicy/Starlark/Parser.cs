namespace Cdx.ExecPolicy.Starlark;

/// <summary>Recursive-descent parser for the Starlark subset used by `.rules` files.</summary>
public sealed partial class Parser
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly string _file;
    private int _i;
    private int _loopDepth;
    private int _defDepth;

    private Parser(string file, IReadOnlyList<Token> tokens)
    {
        _file = file;
        _tokens = tokens;
    }

    /// <summary>Parses a whole module.</summary>
    public static IReadOnlyList<Stmt> ParseModule(string file, string source)
    {
        var parser = new Parser(file, Lexer.Tokenize(file, source));
        var body = new List<Stmt>();
        while (parser.Peek.Kind != TokenKind.Eof)
        {
            if (parser.Peek.Kind == TokenKind.Newline)
            {
                parser._i++;
                continue;
            }
            if (parser.Peek.Kind == TokenKind.Indent)
            {
                throw parser.Unexpected("statement");
            }
            parser.ParseStatement(body);
        }
        return body;
    }

    private Token Peek => _tokens[_i];

    private Token Next() => _tokens[_i++];

    private bool At(string text) => Peek.Is(text);

    private bool Accept(string text)
    {
        if (!At(text))
        {
            return false;
        }
        _i++;
        return true;
    }

    private Token Expect(string text)
    {
        if (!At(text))
        {
            throw Unexpected(text.All(char.IsLetter) ? $"keyword '{text}'" : $"symbol '{text}'");
        }
        return Next();
    }

    private string ExpectIdentifier()
    {
        if (Peek.Kind != TokenKind.Identifier)
        {
            throw Unexpected("identifier");
        }
        return Next().Text;
    }

    private StarlarkException Unexpected(string expected) =>
        new($"Parse error: unexpected {Peek.Describe()}, expected {expected}", Peek.Position);

    private void ParseStatement(List<Stmt> into)
    {
        if (At("def"))
        {
            into.Add(ParseDef());
        }
        else if (At("if"))
        {
            into.Add(ParseIf());
        }
        else if (At("for"))
        {
            into.Add(ParseFor());
        }
        else
        {
            ParseSimpleStatements(into);
        }
    }

    private void ParseSimpleStatements(List<Stmt> into)
    {
        into.Add(ParseSmallStatement());
        while (Accept(";"))
        {
            if (Peek.Kind == TokenKind.Newline)
            {
                break;
            }
            into.Add(ParseSmallStatement());
        }
        if (Peek.Kind == TokenKind.Eof)
        {
            return;
        }
        if (Peek.Kind != TokenKind.Newline)
        {
            throw Unexpected("new line");
        }
        _i++;
    }

    private Stmt ParseSmallStatement()
    {
        var pos = Peek.Position;
        if (At("return") && _defDepth == 0)
        {
            throw new StarlarkException("`return` cannot be used outside of a `def` function", pos);
        }
        if ((At("break") || At("continue")) && _loopDepth == 0)
        {
            throw new StarlarkException($"`{Peek.Text}` cannot be used outside of a `for` loop", pos);
        }
        if (Accept("return"))
        {
            var value = Peek.Kind is TokenKind.Newline or TokenKind.Eof || At(";") ? null : ParseTestList();
            return new ReturnStmt(pos, value);
        }
        if (Accept("break"))
        {
            return new BreakStmt(pos);
        }
        if (Accept("continue"))
        {
            return new ContinueStmt(pos);
        }
        if (Accept("pass"))
        {
            return new PassStmt(pos);
        }
        if (At("load"))
        {
            return ParseLoad();
        }
        var expr = ParseTestList();
        if (Accept("="))
        {
            CheckAssignable(expr);
            return new AssignStmt(pos, expr, ParseTestList());
        }
        if (Peek.Kind == TokenKind.Symbol && Peek.Text.Length >= 2 && Peek.Text.EndsWith('=')
            && Peek.Text is not ("==" or "!=" or "<=" or ">="))
        {
            var op = Next().Text[..^1];
            if (expr is not (NameExpr or IndexExpr or AttrExpr))
            {
                throw new StarlarkException("Parse error: augmented assignment target must be a name, index or attribute", expr.Pos);
            }
            return new AugAssignStmt(pos, expr, op, ParseTestList());
        }
        return new ExprStmt(pos, expr);
    }

    private Stmt ParseLoad()
    {
        var pos = Next().Position;
        Expect("(");
        if (Peek.Kind != TokenKind.String)
        {
            throw Unexpected("string literal");
        }
        var module = Next().Text;
        while (Accept(","))
        {
            if (At(")"))
            {
                break;
            }
            if (Peek.Kind == TokenKind.Identifier)
            {
                _i++;
                Expect("=");
            }
            if (Peek.Kind != TokenKind.String)
            {
                throw Unexpected("string literal");
            }
            _i++;
        }
        Expect(")");
        return new LoadStmt(pos, module);
    }

    private void CheckAssignable(Expr target)
    {
        switch (target)
        {
            case NameExpr or IndexExpr or AttrExpr:
                return;
            case TupleExpr t:
                t.Items.ToList().ForEach(CheckAssignable);
                return;
            case ListExpr l:
                l.Items.ToList().ForEach(CheckAssignable);
                return;
            default:
                throw new StarlarkException("Parse error: left-hand side of assignment must take the form `a`, `a.b` or `a[b]`", target.Pos);
        }
    }

    private Stmt ParseDef()
    {
        var pos = Next().Position;
        var name = ExpectIdentifier();
        Expect("(");
        var parameters = ParseParams(")");
        Expect(")");
        if (Accept("->"))
        {
            ParseTest();
        }
        Expect(":");
        var savedLoops = _loopDepth;
        _loopDepth = 0;
        _defDepth++;
        var body = ParseSuite();
        _defDepth--;
        _loopDepth = savedLoops;
        return new DefStmt(pos, name, parameters, body);
    }

    private Stmt ParseIf()
    {
        var pos = Next().Position;
        var cond = ParseTest();
        Expect(":");
        var then = ParseSuite();
        IReadOnlyList<Stmt> otherwise = [];
        if (At("elif"))
        {
            otherwise = [ParseIf()];
        }
        else if (Accept("else"))
        {
            Expect(":");
            otherwise = ParseSuite();
        }
        return new IfStmt(pos, cond, then, otherwise);
    }

    private Stmt ParseFor()
    {
        var pos = Next().Position;
        var target = ParseLoopTargets();
        Expect("in");
        var iterable = ParseTestList();
        Expect(":");
        _loopDepth++;
        var body = ParseSuite();
        _loopDepth--;
        return new ForStmt(pos, target, iterable, body);
    }

    private Expr ParseLoopTargets()
    {
        var pos = Peek.Position;
        var first = ParsePrimary();
        if (!At(","))
        {
            CheckAssignable(first);
            return first;
        }
        var items = new List<Expr> { first };
        while (Accept(","))
        {
            if (At("in"))
            {
                break;
            }
            items.Add(ParsePrimary());
        }
        var tuple = new TupleExpr(pos, items);
        CheckAssignable(tuple);
        return tuple;
    }

    private List<Stmt> ParseSuite()
    {
        var body = new List<Stmt>();
        if (Peek.Kind != TokenKind.Newline)
        {
            ParseSimpleStatements(body);
            return body;
        }
        _i++;
        if (Peek.Kind != TokenKind.Indent)
        {
            throw Unexpected("indented block");
        }
        _i++;
        while (Peek.Kind is not (TokenKind.Dedent or TokenKind.Eof))
        {
            if (Peek.Kind == TokenKind.Newline)
            {
                _i++;
                continue;
            }
            ParseStatement(body);
        }
        if (Peek.Kind == TokenKind.Dedent)
        {
            _i++;
        }
        return body;
    }

    private List<Param> ParseParams(string end, bool annotations = true)
    {
        var parameters = new List<Param>();
        while (!At(end))
        {
            var pos = Peek.Position;
            if (Accept("**"))
            {
                parameters.Add(new Param(pos, ParamKind.Kwargs, ExpectIdentifier(), null));
            }
            else if (Accept("*"))
            {
                parameters.Add(Peek.Kind == TokenKind.Identifier
                    ? new Param(pos, ParamKind.Args, ExpectIdentifier(), null)
                    : new Param(pos, ParamKind.KeywordOnlyMarker, "*", null));
            }
            else
            {
                var name = ExpectIdentifier();
                if (annotations && Accept(":"))
                {
                    ParseTest(); // type annotation: accepted and ignored
                }
                var def = Accept("=") ? ParseTest() : null;
                parameters.Add(new Param(pos, ParamKind.Normal, name, def));
            }
            var added = parameters[^1];
            if (added.Kind != ParamKind.KeywordOnlyMarker && parameters.Count(p => p.Name == added.Name) > 1)
            {
                throw new StarlarkException("duplicated parameter name", added.Pos);
            }
            if (!Accept(","))
            {
                break;
            }
        }
        return parameters;
    }
}
