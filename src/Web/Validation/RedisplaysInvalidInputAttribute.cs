namespace WapListing.Web.Validation;

/// <summary>Marks an action that shows its own form again with the validation messages (sign-in), so <see cref="RequestValidationFilter"/> lets it run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisplaysInvalidInputAttribute : Attribute;
