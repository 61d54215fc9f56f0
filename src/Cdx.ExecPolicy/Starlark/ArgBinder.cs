namespace Cdx.ExecPolicy.Starlark;

/// <summary>Binds a builtin's arguments to declared parameter names, with Starlark's messages.</summary>
public static class ArgBinder
{
    /// <summary>
    /// Binds <paramref name="args"/> to <paramref name="names"/>; the first <paramref name="required"/>
    /// are mandatory. Missing optional parameters come back as null.
    /// </summary>
    public static object?[] Bind(string function, CallArgs args, int required, params string[] names)
    {
        var values = new object?[names.Length];
        if (args.Positional.Count > names.Length)
        {
            throw new StarlarkError($"Too many positional arguments for call to `{function}`");
        }
        for (var i = 0; i < args.Positional.Count; i++)
        {
            values[i] = args.Positional[i];
        }
        var extra = new List<string>();
        foreach (var (name, value) in args.Named)
        {
            var index = Array.IndexOf(names, name);
            if (index < 0)
            {
                extra.Add(name);
                continue;
            }
            if (values[index] is not null)
            {
                throw new StarlarkError($"Multiple values for parameter `{name}` in call to `{function}`");
            }
            values[index] = value;
        }
        if (extra.Count > 0)
        {
            throw new StarlarkError($"Found `{string.Join("`, `", extra)}` extra named parameter(s) for call to {function}");
        }
        for (var i = 0; i < required; i++)
        {
            if (values[i] is null)
            {
                throw new StarlarkError($"Missing parameter `{names[i]}` for call to `{function}`");
            }
        }
        return values;
    }

    /// <summary>Checks a bound value's type, as the typed signatures of the Rust builtins do.</summary>
    public static T Expect<T>(object? value, string parameter, string typeName)
    {
        if (value is T t)
        {
            return t;
        }
        var actual = value is null ? "NoneType" : StarValue.TypeName(value);
        var repr = value is null ? "None" : StarValue.Repr(value);
        throw new StarlarkError(
            $"Type of parameter `{parameter}` doesn't match, expected `{typeName}`, actual `{actual} (repr: {repr})`");
    }
}
