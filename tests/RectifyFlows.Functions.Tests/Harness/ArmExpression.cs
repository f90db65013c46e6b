using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RectifyFlows.Functions.Tests.Harness;

/// <summary>
/// Evaluates the ARM template expressions (<c>[format('…', parameters('x'))]</c>) that <c>bicep build</c> writes for the
/// Function App's app settings: literals, property access and the functions those settings use. What only Azure can
/// answer (<c>reference</c>, <c>list*</c>, <c>resourceId</c>) is answered by the caller's <see cref="IArmEnvironment"/>.
/// </summary>
/// <remarks>Not a general ARM engine: a function the settings start to use fails loudly here, so the harness never guesses.</remarks>
internal sealed class ArmExpression
{
    private readonly string _text;
    private readonly IArmEnvironment _environment;
    private int _position;

    private ArmExpression(string text, IArmEnvironment environment)
    {
        _text = text;
        _environment = environment;
    }

    /// <summary>A JSON template value: a string in brackets is an expression, "[[" escapes a literal bracket, anything else is itself.</summary>
    public static JsonNode? EvaluateValue(JsonNode? value, IArmEnvironment environment) => value switch
    {
        JsonValue text when text.TryGetValue<string>(out var s) => Evaluate(s, environment),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, EvaluateValue(p.Value, environment)))),
        JsonArray array => new JsonArray([.. array.Select(item => EvaluateValue(item, environment))]),
        _ => value?.DeepClone(),
    };

    public static JsonNode? Evaluate(string text, IArmEnvironment environment)
    {
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return JsonValue.Create(text[1..]);
        }

        if (!(text.StartsWith('[') && text.EndsWith(']')))
        {
            return JsonValue.Create(text);
        }

        var parser = new ArmExpression(text[1..^1], environment);
        var result = parser.ParseExpression();
        parser.SkipSpace();
        if (parser._position != parser._text.Length)
        {
            throw parser.Error("unexpected text after the expression");
        }

        return result;
    }

    private JsonNode? ParseExpression()
    {
        SkipSpace();
        JsonNode? value;
        if (Peek() == '\'')
        {
            value = JsonValue.Create(ParseString());
        }
        else if (char.IsDigit(Peek()) || Peek() == '-')
        {
            var start = _position++;
            while (_position < _text.Length && char.IsDigit(_text[_position]))
            {
                _position++;
            }

            value = JsonValue.Create(long.Parse(_text[start.._position], CultureInfo.InvariantCulture));
        }
        else
        {
            var name = ParseIdentifier();
            Expect('(');
            var arguments = new List<JsonNode?>();
            SkipSpace();
            if (Peek() != ')')
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpace();
                }
                while (TryTake(','));
            }

            Expect(')');
            value = Call(name, arguments);
        }

        // Property access and indexing: reference(...).outputs.name.value, x['key'], x[0].
        while (true)
        {
            SkipSpace();
            if (TryTake('.'))
            {
                var property = ParseIdentifier();
                value = Member(value, property);
            }
            else if (TryTake('['))
            {
                var index = ParseExpression();
                Expect(']');
                value = index is JsonValue number && number.TryGetValue<long>(out var i)
                    ? value!.AsArray()[(int)i]?.DeepClone()
                    : Member(value, index!.GetValue<string>());
            }
            else
            {
                return value;
            }
        }
    }

    private JsonNode? Call(string name, List<JsonNode?> arguments)
    {
        string Text(int i) => arguments[i] is JsonValue v && v.TryGetValue<string>(out var s) ? s : arguments[i]?.ToJsonString() ?? string.Empty;
        switch (name.ToLowerInvariant())
        {
            case "parameters":
                return _environment.Parameter(Text(0));
            case "variables":
                return _environment.Variable(Text(0));
            case "format":
                var format = Text(0);
                var values = arguments.Skip(1).Select(a => (object)(a is JsonValue v && v.TryGetValue<string>(out var s) ? s : a?.ToJsonString() ?? string.Empty)).ToArray();
                return JsonValue.Create(string.Format(CultureInfo.InvariantCulture, format, values));
            case "concat":
                return JsonValue.Create(string.Concat(arguments.Select((_, i) => Text(i))));
            case "tolower":
                return JsonValue.Create(Text(0).ToLowerInvariant());
            case "string":
                return JsonValue.Create(Text(0));
            case "empty":
                return JsonValue.Create(arguments[0] switch
                {
                    null => true,
                    JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
                    JsonObject o => o.Count == 0,
                    JsonArray a => a.Count == 0,
                    _ => false,
                });
            case "equals":
                return JsonValue.Create(JsonNode.DeepEquals(arguments[0], arguments[1]));
            case "if":
                return arguments[0]!.GetValue<bool>() ? arguments[1]?.DeepClone() : arguments[2]?.DeepClone();
            case "createobject":
                var created = new JsonObject();
                for (var i = 0; i + 1 < arguments.Count; i += 2)
                {
                    created[Text(i)] = arguments[i + 1]?.DeepClone();
                }

                return created;
            case "union":
                var merged = new JsonObject();
                foreach (var argument in arguments.OfType<JsonObject>())
                {
                    foreach (var property in argument)
                    {
                        merged[property.Key] = property.Value?.DeepClone();
                    }
                }

                return merged;
            case "resourceid":
                return JsonValue.Create(_environment.ResourceId([.. arguments.Select((_, i) => Text(i))]));
            case "reference":
                return _environment.Reference(Text(0));
            default:
                if (name.StartsWith("list", StringComparison.OrdinalIgnoreCase))
                {
                    return _environment.List(name, Text(0));
                }

                throw Error($"the function {name}() is not supported by the harness's evaluator");
        }
    }

    private static JsonNode? Member(JsonNode? value, string property) =>
        value is JsonObject obj
            ? obj.FirstOrDefault(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase)).Value?.DeepClone()
            : throw new InvalidOperationException($"Property {property} of a non-object ({value?.ToJsonString() ?? "null"}).");

    private string ParseString()
    {
        Expect('\'');
        var text = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c == '\'')
            {
                if (Peek() == '\'')
                {
                    text.Append('\'');
                    _position++;
                    continue;
                }

                return text.ToString();
            }

            text.Append(c);
        }
    }

    private string ParseIdentifier()
    {
        SkipSpace();
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("identifier expected");
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private bool TryTake(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(char c)
    {
        if (!TryTake(c))
        {
            throw Error($"'{c}' expected");
        }
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private InvalidOperationException Error(string what) =>
        new($"ARM expression [{_text}] at {_position}: {what}.");
}

/// <summary>What an ARM expression reads from outside the template: parameters, variables and the deployed resources.</summary>
internal interface IArmEnvironment
{
    JsonNode? Parameter(string name);

    JsonNode? Variable(string name);

    string ResourceId(IReadOnlyList<string> parts);

    JsonNode? Reference(string resourceId);

    JsonNode? List(string function, string resourceId);
}
