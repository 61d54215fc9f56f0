using System.Globalization;

namespace Cdx.ExecPolicy.Starlark;

/// <summary>Expression grammar, from `test` down to operands.</summary>
public sealed partial class Parser
{
    private static readonly string[][] BinaryLevels =
    [
        ["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%"],
    ];

    private Expr ParseTestList()
    {
        var pos = Peek.Position;
        var first = ParseTest();
        if (!At(","))
        {
            return first;
        }
        var items = new List<Expr> { first };
        while (Accept(","))
        {
            if (!StartsExpression())
            {
                break;
            }
            items.Add(ParseTest());
        }
        return new TupleExpr(pos, items);
    }

    private bool StartsExpression()
    {
        var t = Peek;
        return t.Kind switch
        {
            TokenKind.Identifier or TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.FString => true,
            TokenKind.Keyword => t.Text is "None" or "True" or "False" or "not" or "lambda",
            TokenKind.Symbol => t.Text is "(" or "[" or "{" or "-" or "+" or "~",
            _ => false,
        };
    }

    private Expr ParseTest()
    {
        if (At("lambda"))
        {
            var pos = Next().Position;
            var parameters = ParseParams(":", annotations: false);
            Expect(":");
            return new LambdaExpr(pos, parameters, ParseTest());
        }
        var cond = ParseOrTest();
        if (At("if"))
        {
            _i++;
            var test = ParseOrTest();
            Expect("else");
            var otherwise = ParseTest();
            return new ConditionalExpr(cond.Pos, test, cond, otherwise);
        }
        return cond;
    }

    private Expr ParseOrTest()
    {
        var left = ParseAndTest();
        while (At("or"))
        {
            _i++;
            left = new BinaryExpr(left.Pos, "or", left, ParseAndTest());
        }
        return left;
    }

    private Expr ParseAndTest()
    {
        var left = ParseNotTest();
        while (At("and"))
        {
            _i++;
            left = new BinaryExpr(left.Pos, "and", left, ParseNotTest());
        }
        return left;
    }

    private Expr ParseNotTest()
    {
        if (At("not"))
        {
            var pos = Next().Position;
            return new UnaryExpr(pos, "not", ParseNotTest());
        }
        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParseBinary(0);
        while (true)
        {
            string op;
            if (Peek.Kind == TokenKind.Symbol && Peek.Text is "<" or ">" or "==" or "!=" or "<=" or ">=")
            {
                op = Next().Text;
            }
            else if (At("in"))
            {
                _i++;
                op = "in";
            }
            else if (At("not") && _tokens[_i + 1].Is("in"))
            {
                _i += 2;
                op = "not in";
            }
            else
            {
                return left;
            }
            left = new BinaryExpr(left.Pos, op, left, ParseBinary(0));
        }
    }

    private Expr ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseFactor();
        }
        var left = ParseBinary(level + 1);
        while (Peek.Kind == TokenKind.Symbol && BinaryLevels[level].Contains(Peek.Text))
        {
            var op = Next().Text;
            left = new BinaryExpr(left.Pos, op, left, ParseBinary(level + 1));
        }
        return left;
    }

    private Expr ParseFactor()
    {
        if (Peek.Kind == TokenKind.Symbol && Peek.Text is "-" or "+" or "~")
        {
            var tok = Next();
            return new UnaryExpr(tok.Position, tok.Text, ParseFactor());
        }
        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var expr = ParseOperand();
        while (true)
        {
            if (At("("))
            {
                expr = ParseCall(expr);
            }
            else if (At("["))
            {
                expr = ParseSubscript(expr);
            }
            else if (At("."))
            {
                _i++;
                expr = new AttrExpr(expr.Pos, expr, ExpectIdentifier());
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParseCall(Expr fn)
    {
        Next();
        var args = new List<Argument>();
        while (!At(")"))
        {
            var pos = Peek.Position;
            if (Accept("**"))
            {
                args.Add(new Argument(pos, ArgKind.StarStar, null, ParseTest()));
            }
            else if (Accept("*"))
            {
                args.Add(new Argument(pos, ArgKind.Star, null, ParseTest()));
            }
            else if (Peek.Kind == TokenKind.Identifier && _tokens[_i + 1].Is("="))
            {
                var name = Next().Text;
                _i++;
                args.Add(new Argument(pos, ArgKind.Named, name, ParseTest()));
            }
            else
            {
                args.Add(new Argument(pos, ArgKind.Positional, null, ParseTest()));
            }
            if (!Accept(","))
            {
                break;
            }
        }
        var close = Expect(")");
        var end = close.Position with { Column = close.Position.Column + 1 };
        return new CallExpr(fn.Pos, fn, args) { End = end };
    }

    private Expr ParseSubscript(Expr target)
    {
        Next();
        Expr? lo = null, hi = null, step = null;
        var isSlice = false;
        if (!At(":"))
        {
            lo = ParseTest();
        }
        if (Accept(":"))
        {
            isSlice = true;
            if (!At(":") && !At("]"))
            {
                hi = ParseTest();
            }
            if (Accept(":") && !At("]"))
            {
                step = ParseTest();
            }
        }
        Expect("]");
        if (!isSlice)
        {
            return new IndexExpr(target.Pos, target, lo ?? throw Unexpected("expression"));
        }
        return new SliceExpr(target.Pos, target, lo, hi, step);
    }

    private Expr ParseOperand()
    {
        var tok = Peek;
        switch (tok.Kind)
        {
            case TokenKind.Identifier:
                _i++;
                return new NameExpr(tok.Position, tok.Text);
            case TokenKind.Int:
                _i++;
                return new LiteralExpr(tok.Position, ParseInt(tok));
            case TokenKind.Float:
                _i++;
                return new LiteralExpr(tok.Position, double.Parse(tok.Text, CultureInfo.InvariantCulture));
            case TokenKind.String:
                _i++;
                return new LiteralExpr(tok.Position, tok.Text);
            case TokenKind.FString:
                _i++;
                return ParseFString(tok);
            case TokenKind.Keyword when tok.Text is "None" or "True" or "False":
                _i++;
                return new LiteralExpr(tok.Position, tok.Text switch
                {
                    "None" => StarNone.Instance,
                    "True" => true,
                    _ => (object)false,
                });
            case TokenKind.Symbol when tok.Text == "(":
                return ParseParenthesised();
            case TokenKind.Symbol when tok.Text == "[":
                return ParseListOrComprehension();
            case TokenKind.Symbol when tok.Text == "{":
                return ParseDictOrComprehension();
        }
        throw Unexpected("expression");
    }

    private static long ParseInt(Token tok)
    {
        if (!long.TryParse(tok.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new StarlarkException($"Parse error: integer literal '{tok.Text}' is too large", tok.Position);
        }
        return value;
    }

    private Expr ParseParenthesised()
    {
        var pos = Next().Position;
        if (Accept(")"))
        {
            return new TupleExpr(pos, []);
        }
        var first = ParseTest();
        if (Accept(")"))
        {
            return first;
        }
        var items = new List<Expr> { first };
        while (Accept(","))
        {
            if (At(")"))
            {
                break;
            }
            items.Add(ParseTest());
        }
        Expect(")");
        return new TupleExpr(pos, items);
    }

    private Expr ParseListOrComprehension()
    {
        var pos = Next().Position;
        var items = new List<Expr>();
        if (Accept("]"))
        {
            return new ListExpr(pos, items);
        }
        var first = ParseTest();
        if (At("for"))
        {
            var clauses = ParseClauses();
            Expect("]");
            return new ComprehensionExpr(pos, first, null, null, clauses);
        }
        items.Add(first);
        while (Accept(","))
        {
            if (At("]"))
            {
                break;
            }
            items.Add(ParseTest());
        }
        Expect("]");
        return new ListExpr(pos, items);
    }

    private Expr ParseDictOrComprehension()
    {
        var pos = Next().Position;
        var entries = new List<(Expr, Expr)>();
        if (Accept("}"))
        {
            return new DictExpr(pos, entries);
        }
        var key = ParseTest();
        Expect(":");
        var value = ParseTest();
        if (At("for"))
        {
            var clauses = ParseClauses();
            Expect("}");
            return new ComprehensionExpr(pos, null, key, value, clauses);
        }
        entries.Add((key, value));
        while (Accept(","))
        {
            if (At("}"))
            {
                break;
            }
            var k = ParseTest();
            Expect(":");
            entries.Add((k, ParseTest()));
        }
        Expect("}");
        return new DictExpr(pos, entries);
    }

    private List<CompClause> ParseClauses()
    {
        var clauses = new List<CompClause>();
        while (true)
        {
            var pos = Peek.Position;
            if (Accept("for"))
            {
                var target = ParseLoopTargets();
                Expect("in");
                clauses.Add(new CompClause(pos, target, ParseOrTest(), null));
            }
            else if (Accept("if"))
            {
                clauses.Add(new CompClause(pos, null, null, ParseOrTest()));
            }
            else
            {
                return clauses;
            }
        }
    }
}
