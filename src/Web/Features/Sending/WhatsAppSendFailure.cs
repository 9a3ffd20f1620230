using Microsoft.Extensions.Localization;

namespace WapListing.Web.Features.Sending;

/// <summary>What kind of trouble WhatsApp reported for a message, told to the user in words they can act on.</summary>
public enum WhatsAppSendProblem
{
    ReEngagementRequired,
    NotOnWhatsApp,
    RecipientNotAllowed,
    RateLimited,
    AccessTokenInvalid,
    TemplateProblem,
    InvalidRequest,
    ServiceUnavailable,
    /// <summary>No answer in time: the message may still have gone out.</summary>
    TimedOut,
    /// <summary>The Graph API could not be reached at all: nothing went out.</summary>
    Unreachable,
    /// <summary>The answer broke off or made no sense: the message may still have gone out.</summary>
    AnswerLost,
    Other,
}

/// <summary>WhatsApp did not take a message: its error code and title (from the Graph API or a failed status), and what that means.</summary>
public sealed record WhatsAppSendFailure(WhatsAppSendProblem Problem, int? Code, string? Title)
{
    /// <summary>Whether the message may have reached WhatsApp despite the failure (so it must not be sent again blindly).</summary>
    public bool MayHaveGoneOut => Problem is WhatsAppSendProblem.TimedOut or WhatsAppSendProblem.AnswerLost;

    /// <summary>
    /// The Cloud API's error codes (Meta recommends deciding on <c>code</c>, not on titles): 131047 more than 24 hours
    /// since the customer wrote, 131026 undeliverable (not on WhatsApp), 131030 not among a test number's recipients,
    /// rate limits, an expired or wrong access token, template errors, invalid parameters, service outages.
    /// </summary>
    public static WhatsAppSendFailure FromCode(int? code, string? title) => new(code switch
    {
        131047 => WhatsAppSendProblem.ReEngagementRequired,
        131026 or 133010 => WhatsAppSendProblem.NotOnWhatsApp,
        131030 => WhatsAppSendProblem.RecipientNotAllowed,
        4 or 80007 or 130429 or 131048 or 131056 => WhatsAppSendProblem.RateLimited,
        0 or 10 or 190 or 200 => WhatsAppSendProblem.AccessTokenInvalid,
        >= 132000 and < 133000 => WhatsAppSendProblem.TemplateProblem,
        100 or 131008 or 131009 or 131051 => WhatsAppSendProblem.InvalidRequest,
        1 or 2 or 131000 or 131016 => WhatsAppSendProblem.ServiceUnavailable,
        _ => WhatsAppSendProblem.Other,
    }, code, title);

    /// <summary>A refusal as an outbox row stored it (<see cref="Domain.Entities.OutboundSend.Problem"/>, code, title).</summary>
    public static WhatsAppSendFailure FromStored(string? problem, int? code, string? title) =>
        Enum.TryParse<WhatsAppSendProblem>(problem, out var stored) ? new(stored, code, title) : FromCode(code, title);

    /// <summary>The failure in the reader's language (resources <c>Send.Problem.&lt;problem&gt;</c>), with WhatsApp's code and title.</summary>
    public string Describe(IStringLocalizer localizer) =>
        localizer["Send.Problem." + Problem, Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", Title ?? string.Empty].Value;
}

/// <summary>The Cloud API did not accept a message.</summary>
public sealed class WhatsAppSendException(WhatsAppSendFailure failure)
    : Exception($"WhatsApp did not accept the message: {failure.Problem} ({failure.Code}: {failure.Title})")
{
    public WhatsAppSendFailure Failure { get; } = failure;
}
