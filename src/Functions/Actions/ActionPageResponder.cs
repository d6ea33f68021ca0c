using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Actions;

/// <summary>
/// What the action page's three functions share: the outcome of a use case as an HTML page with its status code
/// (200, 400 for a refused action, 403 for a link or form that cannot be used, 404 for an item that is gone), the
/// form check, and a plain page, never a stack trace, when something fails.
/// </summary>
public sealed partial class ActionPageResponder(ActionForms forms, ILogger<ActionPageResponder> logger)
{
    /// <summary>Runs a GET: the page, with the browser's form nonce set as a cookie.</summary>
    public Task<IActionResult> ShowAsync(HttpRequest request, string token, Func<CancellationToken, Task<ActionPageOutcome>> open)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(open);
        var nonce = forms.Nonce(request);
        return GuardAsync(request, async ct => Render(await open(ct).ConfigureAwait(false), forms.Proof(token, nonce)) is var page && page.StatusCode == StatusCodes.Status200OK
            ? new HtmlPageResult(page.StatusCode, page.Html, ActionPageHtml.StyleHash) { Cookie = forms.Cookie(request, nonce) }
            : page);
    }

    /// <summary>Runs a POST: the form checked against the browser's cookie, then the action with its fields.</summary>
    public Task<IActionResult> PostAsync(HttpRequest request, string token, Func<IFormCollection, CancellationToken, Task<ActionPageOutcome>> act)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(act);
        return GuardAsync(request, async ct =>
        {
            var (form, refusal) = await forms.ReadAsync(request, token).ConfigureAwait(false);
            if (form is null)
            {
                LogFormRefused(logger, refusal?.ToString() ?? "unknown");
                return refusal switch
                {
                    FormRefusal.NotAForm => Plain(StatusCodes.Status415UnsupportedMediaType, "This is not a form from this page", "Use the buttons on the action page."),
                    FormRefusal.TooLarge => Plain(StatusCodes.Status413PayloadTooLarge, "The form is too large", "Shorten the reason and try again."),
                    _ => Plain(StatusCodes.Status403Forbidden, "The form could not be checked",
                        "It did not come from this page as your browser opened it (or your browser blocked the page's cookie). Open the link from your email again and retry; nothing was changed."),
                };
            }

            var proof = forms.Proof(token, request.Cookies[forms.CookieName(request)]!);
            return Render(await act(form, ct).ConfigureAwait(false), proof);
        });
    }

    private static HtmlPageResult Render(ActionPageOutcome outcome, string proof) => outcome switch
    {
        ActionPageShown shown => new HtmlPageResult(
            shown.Errors is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, ActionPageHtml.Page(shown, proof), ActionPageHtml.StyleHash),
        ActionPageRefused refused => new HtmlPageResult(
            refused.Reason == ActionPageRefusal.Gone ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden, ActionPageHtml.Refused(refused), ActionPageHtml.StyleHash),
        _ => throw new InvalidOperationException($"Unknown action page outcome {outcome.GetType().Name}."),
    };

    private static HtmlPageResult Plain(int status, string title, string text) => new(status, ActionPageHtml.Message(title, text), ActionPageHtml.StyleHash);

    private async Task<IActionResult> GuardAsync(HttpRequest request, Func<CancellationToken, Task<HtmlPageResult>> run)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        try
        {
            return await run(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The path carries the token: log the method only, never the link.
            LogFailure(logger, ex, request.Method);
            return Plain(StatusCodes.Status500InternalServerError, "Something went wrong", "The page could not be shown. Try again in a few minutes; nothing was changed.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Action page form refused: {Refusal}")]
    private static partial void LogFormRefused(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Action page {Method} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method);
}
