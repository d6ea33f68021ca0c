using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using NodaTime;

namespace Scheduler.Domain.Tests.Events;

/// <summary>
/// A canonical text of facts and milestones for comparing results: public properties by name, dates as ISO,
/// dictionaries by key, lists in their order. Written here (not taken from the code under test) so a
/// difference in any property shows.
/// </summary>
internal static class CanonicalText
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        Assert.True(depth < 8, "Nested too deeply for a canonical text.");
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s).Append('"');
                break;
            case LocalDate d:
                text.Append(d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                text.Append(e);
                break;
            case bool or int or long:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case IDictionary map:
                text.Append('{');
                foreach (var key in map.Keys.Cast<object>().Select(k => k.ToString()!).Order(StringComparer.Ordinal))
                {
                    text.Append(key).Append(':');
                    Write(text, map[key], depth + 1);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                foreach (var item in list)
                {
                    Write(text, item, depth + 1);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(value.GetType().Name).Append('(');
                foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (p.GetIndexParameters().Length > 0 || p.Name == "EqualityContract")
                    {
                        continue;
                    }

                    text.Append(p.Name).Append('=');
                    Write(text, p.GetValue(value), depth + 1);
                    text.Append(';');
                }

                text.Append(')');
                break;
        }
    }
}
