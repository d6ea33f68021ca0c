namespace Scheduler.Domain.Alerts.Composition;

/// <summary>The values a template may use: strings for <c>{{name}}</c>, lists of models for <c>{{#name}}…{{/name}}</c> blocks.</summary>
public sealed class TemplateModel
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TemplateModel>> _blocks = new(StringComparer.Ordinal);

    /// <summary>Sets a placeholder value.</summary>
    public TemplateModel Set(string name, string value)
    {
        _values[name] = value;
        return this;
    }

    /// <summary>Sets a repeated block.</summary>
    public TemplateModel Set(string name, IReadOnlyList<TemplateModel> items)
    {
        _blocks[name] = items;
        return this;
    }

    internal bool TryGetValue(string name, out string value) => _values.TryGetValue(name, out value!);

    internal bool TryGetBlock(string name, out IReadOnlyList<TemplateModel> items) => _blocks.TryGetValue(name, out items!);
}
