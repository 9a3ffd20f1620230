using System.Net;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using static WapListing.FunctionalTests.Manage.Users.UsersSupport;

namespace WapListing.FunctionalTests.Manage.Users;

/// <summary>Manage → Users over HTTP: creating, editing, deactivating and resetting passwords, each audited without secrets.</summary>
public sealed class ManageUsersTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private Task<User> AdministratorAsync(string language = "cs") =>
        demo.Data.AddUserAsync(UserRole.Administrator, language: language, allQueues: true, allUsers: true);

    [Theory]
    [InlineData(UserRole.Supervisor)]
    [InlineData(UserRole.Manager)]
    [InlineData(UserRole.Agent)]
    public async Task Only_administrators_may_open_or_change_users(UserRole role)
    {
        var target = await demo.Data.AddUserAsync(UserRole.Agent);
        var client = await demo.App.SignedInAsync(await demo.Data.AddUserAsync(role));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/manage/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/manage/users/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ProfileUrl(target.Id))).StatusCode);
        var token = HttpSignIn.AntiforgeryToken(await client.GetStringAsync("/listing/wap"));
        var deactivate = await client.PostAsync($"/manage/users/{target.Id}/deactivate", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, deactivate.StatusCode);
        await using var db = demo.OpenDb();
        Assert.True((await db.Users.SingleAsync(u => u.Id == target.Id)).IsActive);
    }

    [Fact]
    public async Task Creating_a_user_with_a_generated_password_shows_it_once_and_it_signs_in()
    {
        var admin = await AdministratorAsync();
        var client = await demo.App.SignedInAsync(admin);
        var login = "nova_" + TestData.Suffix();

        var response = await client.CreateUserAsync(NewUserForm(login, "Nová Operátorka", UserRole.Supervisor, timeZone: "America/New_York", language: "en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var password = GeneratedPassword(html);
        Assert.True(password.Length >= 20);
        await using var db = demo.OpenDb();
        var created = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == login);
        Assert.Equal(("Nová Operátorka", UserRole.Supervisor, "America/New_York", "en", true), (created.DisplayName, created.Role, created.TimeZoneId, created.Language, created.IsActive));
        Assert.DoesNotContain(password, created.PasswordHash!, StringComparison.Ordinal);
        var audit = Assert.Single(await db.AuditOfAsync("user.created", created.Id));
        Assert.Equal(admin.Id, audit.UserId);
        Assert.Equal("active=true,language=en,role=Supervisor,timeZone=America/New_York", Values(audit, "after"));
        Assert.DoesNotContain(password, audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(login, audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Nová", audit.Detail, StringComparison.Ordinal);

        var profile = await client.GetStringAsync(ProfileUrl(created.Id));
        Assert.DoesNotContain(password, profile, StringComparison.Ordinal);
        var newcomer = demo.App.CreateBrowserLikeClient();
        await newcomer.SignInAsync(login, password);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/listing/wap")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_user_with_a_typed_password_leads_to_the_profile_and_the_password_signs_in()
    {
        var client = await demo.App.SignedInAsync(await AdministratorAsync());
        var login = "typed_" + TestData.Suffix();

        var response = await client.CreateUserAsync(NewUserForm(login, "Typed Password", password: StrongPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = demo.OpenDb();
        var created = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == login);
        Assert.Equal($"/manage/users/{created.Id}?done=created", response.Headers.Location!.OriginalString);
        Assert.Null(created.Language);
        Assert.Contains("Uživatel byl založen.", await client.GetStringAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var newcomer = demo.App.CreateBrowserLikeClient();
        await newcomer.SignInAsync(login, StrongPassword);
        Assert.DoesNotContain(StrongPassword, (await db.AuditOfAsync("user.created", created.Id)).Single().Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cs", "Heslo musí mít alespoň 8 znaků.", "Heslo musí obsahovat velké písmeno (A–Z).", "Heslo musí obsahovat číslici (0–9).", "Heslo musí obsahovat symbol (ne písmeno ani číslici).", "Zobrazované jméno: povinný údaj.")]
    [InlineData("en", "The password must be at least 8 characters long.", "The password must contain an upper-case letter (A–Z).", "The password must contain a digit (0–9).", "The password must contain a symbol (not a letter or digit).", "Display name is required.")]
    public async Task Identity_password_rules_are_shown_next_to_the_password_in_the_admins_language(
        string language, string tooShort, string upper, string digit, string symbol, string displayNameRequired)
    {
        var client = await demo.App.SignedInAsync(await AdministratorAsync(language));
        var login = "weak_" + TestData.Suffix();

        var response = await client.CreateUserAsync(NewUserForm(login, "", password: "abc"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(tooShort, ErrorsOf(html, "Password"), StringComparison.Ordinal);
        Assert.Contains(displayNameRequired, ErrorsOf(html, "DisplayName"), StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"abc\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{login}\"", html, StringComparison.Ordinal); // the rest of the form is kept

        // Long enough, the password still lacks the other kinds of characters, each named.
        response = await client.CreateUserAsync(NewUserForm(login, "Weak Password", password: "abcdefgh"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = ErrorsOf(await response.Content.ReadAsStringAsync(), "Password");
        Assert.Contains(upper, errors, StringComparison.Ordinal);
        Assert.Contains(digit, errors, StringComparison.Ordinal);
        Assert.Contains(symbol, errors, StringComparison.Ordinal);
        Assert.DoesNotContain(tooShort, errors, StringComparison.Ordinal);
        await using var db = demo.OpenDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == login));
    }

    [Theory]
    [InlineData("cs", "Přihlašovací jméno „{0}“ už používá jiný uživatel.")]
    [InlineData("en", "Login “{0}” is already taken by another user.")]
    public async Task A_login_already_taken_is_refused_next_to_the_login(string language, string message)
    {
        var existing = await demo.Data.AddUserAsync(UserRole.Agent);
        var client = await demo.App.SignedInAsync(await AdministratorAsync(language));

        var response = await client.CreateUserAsync(NewUserForm(existing.UserName!.ToUpperInvariant(), "Someone Else", password: StrongPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(string.Format(message, existing.UserName!.ToUpperInvariant()), ErrorsOf(html, "UserName"), StringComparison.Ordinal);
        await using var db = demo.OpenDb();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedUserName == existing.UserName!.ToUpperInvariant()));

        // The same on the profile: renaming another user to a taken login.
        var other = await demo.Data.AddUserAsync(UserRole.Agent);
        var form = await client.ProfileFormAsync(other.Id);
        form["UserName"] = existing.UserName!;
        var edit = await client.PostProfileAsync(other.Id, form);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains(string.Format(message, existing.UserName), ErrorsOf(await edit.Content.ReadAsStringAsync(), "UserName"), StringComparison.Ordinal);
        Assert.Equal(other.UserName, (await db.Users.AsNoTracking().SingleAsync(u => u.Id == other.Id)).UserName);
    }

    [Fact]
    public async Task An_unknown_time_zone_language_or_role_is_refused_next_to_its_field()
    {
        var client = await demo.App.SignedInAsync(await AdministratorAsync("en"));
        var login = "zone_" + TestData.Suffix();
        var form = NewUserForm(login, "Zone", password: StrongPassword, timeZone: "Central Europe Standard Time", language: "de");

        var html = await (await client.CreateUserAsync(form)).Content.ReadAsStringAsync();

        Assert.Contains("Choose a time zone from the list.", ErrorsOf(html, "TimeZoneId"), StringComparison.Ordinal);
        Assert.Contains("Choose a language from the list.", ErrorsOf(html, "Language"), StringComparison.Ordinal);
        form["TimeZoneId"] = "Europe/Prague";
        form["Language"] = "";
        form["Role"] = "Superuser";
        html = await (await client.CreateUserAsync(form)).Content.ReadAsStringAsync();
        Assert.NotEmpty(ErrorsOf(html, "Role").Trim());
        await using var db = demo.OpenDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == login));
    }

    [Fact]
    public async Task Editing_saves_the_profile_and_audits_settings_before_and_after_with_only_flags_for_login_and_name()
    {
        var admin = await AdministratorAsync();
        var user = await demo.Data.AddUserAsync(UserRole.Agent, language: "cs", displayName: "Původní Jméno");
        var client = await demo.App.SignedInAsync(admin);
        var form = await client.ProfileFormAsync(user.Id);
        Assert.Equal((user.UserName, "Původní Jméno", "Agent", "Europe/Prague", "cs"), (form["UserName"], form["DisplayName"], form["Role"], form["TimeZoneId"], form["Language"]));
        var newLogin = "renamed_" + TestData.Suffix();
        form["UserName"] = newLogin;
        form["DisplayName"] = "Nové Jméno";
        form["Role"] = "Manager";
        form["TimeZoneId"] = "Europe/London";
        form["Language"] = "en";

        var response = await client.PostProfileAsync(user.Id, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/manage/users/{user.Id}?done=saved", response.Headers.Location!.OriginalString);
        await using var db = demo.OpenDb();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal((newLogin, newLogin.ToUpperInvariant(), "Nové Jméno", UserRole.Manager, "Europe/London", "en"), (saved.UserName, saved.NormalizedUserName, saved.DisplayName, saved.Role, saved.TimeZoneId, saved.Language));
        var audit = Assert.Single(await db.AuditOfAsync("user.updated", user.Id));
        Assert.Equal(admin.Id, audit.UserId);
        Assert.Equal("active=true,language=cs,role=Agent,timeZone=Europe/Prague", Values(audit, "before"));
        Assert.Equal("active=true,displayNameChanged=true,language=en,loginChanged=true,role=Manager,timeZone=Europe/London", Values(audit, "after"));
        Assert.DoesNotContain("Jméno", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(newLogin, audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(user.UserName!, audit.Detail, StringComparison.Ordinal);

        // The new login signs in; the user's role acts at once.
        var renamed = demo.App.CreateBrowserLikeClient();
        await renamed.SignInAsync(newLogin);
        Assert.Equal(HttpStatusCode.OK, (await renamed.GetAsync("/listing/wap")).StatusCode);
    }

    [Fact]
    public async Task Two_edits_from_the_same_version_the_second_gets_the_conflict_and_the_first_values_stay()
    {
        var user = await demo.Data.AddUserAsync(UserRole.Agent, displayName: "Verze Původní");
        var first = await demo.App.SignedInAsync(await AdministratorAsync());
        var second = await demo.App.SignedInAsync(await AdministratorAsync());
        var firstForm = await first.ProfileFormAsync(user.Id);
        var secondForm = await second.ProfileFormAsync(user.Id);
        Assert.Equal(firstForm["Version"], secondForm["Version"]);
        firstForm["DisplayName"] = "Verze První";
        secondForm["DisplayName"] = "Verze Druhá";
        secondForm["Role"] = "Supervisor";

        Assert.Equal(HttpStatusCode.Redirect, (await first.PostProfileAsync(user.Id, firstForm)).StatusCode);
        var response = await second.PostProfileAsync(user.Id, secondForm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Záznam mezitím změnil někdo jiný. Vaše změny se neuložily", FormErrors(html), StringComparison.Ordinal);
        var shown = ProfileFields(html);
        Assert.Equal(("Verze První", "Agent"), (shown["DisplayName"], shown["Role"]));
        Assert.NotEqual(secondForm["Version"], shown["Version"]);
        await using var db = demo.OpenDb();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal(("Verze První", UserRole.Agent), (saved.DisplayName, saved.Role));
        Assert.Single(await db.AuditOfAsync("user.updated", user.Id));

        // Made again over the version now shown, the change is saved.
        shown["DisplayName"] = "Verze Druhá";
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostProfileAsync(user.Id, shown)).StatusCode);
    }

    private static string FormErrors(string html)
    {
        var start = html.IndexOf("data-testid=\"form-errors\"", StringComparison.Ordinal);
        Assert.True(start >= 0);
        return Decoded(html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Deactivation_refuses_sign_in_ends_existing_sessions_and_keeps_the_user_pickable_under_the_crossed_eye()
    {
        var admin = await AdministratorAsync();
        var leaver = await demo.Data.AddUserAsync(UserRole.Supervisor, allQueues: true, displayName: $"Odcházející {TestData.Suffix()}");
        var session = await demo.App.SignedInAsync(leaver);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/listing/wap")).StatusCode);
        var client = await demo.App.SignedInAsync(admin);

        var response = await client.DeactivateAsync(leaver.Id);

        Assert.Equal($"/manage/users/{leaver.Id}?done=deactivated", response.Headers.Location!.OriginalString);
        var next = await session.GetAsync("/listing/wap");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/login", next.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        var signIn = await demo.App.CreateBrowserLikeClient().PostLoginAsync(leaver.UserName!, TestData.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        await using var db = demo.OpenDb();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == leaver.Id);
        Assert.False(stored.IsActive);
        Assert.NotEqual(leaver.SecurityStamp, stored.SecurityStamp);
        var audit = Assert.Single(await db.AuditOfAsync("user.deactivated", leaver.Id));
        Assert.Equal(("active=true", "active=false"), (Values(audit, "before"), Values(audit, "after")));

        // Hidden in the listing's user picker, shown under the crossed-eye toggle.
        var listing = await client.GetStringAsync("/listing/wap");
        Assert.Matches($"<option value=\"{leaver.Id}\" class=\"deactivated-option\" hidden=\"hidden\">", UserPicker(listing));
        var withDeactivated = await client.GetStringAsync("/listing/wap?inactive=1");
        Assert.Matches($"<option value=\"{leaver.Id}\" class=\"deactivated-option\">", UserPicker(withDeactivated));
        Assert.Contains(leaver.DisplayName, UserPicker(withDeactivated), StringComparison.Ordinal);

        // The profile says so and offers reactivation.
        var profile = await client.GetStringAsync(ProfileUrl(leaver.Id));
        Assert.Contains("data-testid=\"deactivated\"", profile, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reactivate\"", profile, StringComparison.Ordinal);
    }

    private static string UserPicker(string html)
    {
        var start = html.IndexOf("data-testid=\"picker-user\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Reactivation_lets_the_user_sign_in_again()
    {
        var user = await demo.Data.AddUserAsync(UserRole.Agent, isActive: false);
        var client = await demo.App.SignedInAsync(await AdministratorAsync());
        Assert.Equal(HttpStatusCode.OK, (await demo.App.CreateBrowserLikeClient().PostLoginAsync(user.UserName!, TestData.Password)).StatusCode);

        var response = await client.ReactivateAsync(user.Id);

        Assert.Equal($"/manage/users/{user.Id}?done=reactivated", response.Headers.Location!.OriginalString);
        var back = demo.App.CreateBrowserLikeClient();
        await back.SignInAsync(user.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/listing/wap")).StatusCode);
        await using var db = demo.OpenDb();
        var audit = Assert.Single(await db.AuditOfAsync("user.reactivated", user.Id));
        Assert.Equal(("active=false", "active=true"), (Values(audit, "before"), Values(audit, "after")));
    }

    [Fact]
    public async Task A_typed_password_reset_replaces_the_old_one_and_ends_the_users_other_sessions()
    {
        var user = await demo.Data.AddUserAsync(UserRole.Agent);
        var session = await demo.App.SignedInAsync(user);
        var client = await demo.App.SignedInAsync(await AdministratorAsync());

        var response = await client.ResetPasswordAsync(user.Id, StrongPassword);

        Assert.Equal($"/manage/users/{user.Id}?done=password", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/listing/wap")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await demo.App.CreateBrowserLikeClient().PostLoginAsync(user.UserName!, TestData.Password)).StatusCode);
        var fresh = demo.App.CreateBrowserLikeClient();
        await fresh.SignInAsync(user.UserName!, StrongPassword);
        await using var db = demo.OpenDb();
        var audit = Assert.Single(await db.AuditOfAsync("user.password_reset", user.Id));
        Assert.DoesNotContain(StrongPassword, audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", audit.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_generated_password_reset_is_shown_once_uncached_and_works()
    {
        var user = await demo.Data.AddUserAsync(UserRole.Agent);
        var client = await demo.App.SignedInAsync(await AdministratorAsync());

        var response = await client.ResetPasswordAsync(user.Id, password: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var password = GeneratedPassword(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(password, (await client.GetStringAsync(ProfileUrl(user.Id))), StringComparison.Ordinal);
        await demo.App.CreateBrowserLikeClient().SignInAsync(user.UserName!, password);
        await using var db = demo.OpenDb();
        Assert.DoesNotContain(password, Assert.Single(await db.AuditOfAsync("user.password_reset", user.Id)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_reset_is_refused_next_to_the_field_and_the_old_password_stays()
    {
        var user = await demo.Data.AddUserAsync(UserRole.Agent);
        var client = await demo.App.SignedInAsync(await AdministratorAsync("en"));

        var response = await client.ResetPasswordAsync(user.Id, "short");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The password must be at least 8 characters long.", ErrorsOf(await response.Content.ReadAsStringAsync(), "Password"), StringComparison.Ordinal);
        await demo.App.CreateBrowserLikeClient().SignInAsync(user.UserName!);
        await using var db = demo.OpenDb();
        Assert.Empty(await db.AuditOfAsync("user.password_reset", user.Id));
    }

    [Fact]
    public async Task The_list_searches_name_or_login_without_case_or_diacritics_hides_the_deactivated_and_sorts_in_czech()
    {
        var s = TestData.Suffix();
        var hora = await demo.Data.AddUserAsync(UserRole.Agent, displayName: $"Hora {s}");
        var chalupa = await demo.Data.AddUserAsync(UserRole.Agent, displayName: $"Chalupa {s}");
        var cech = await demo.Data.AddUserAsync(UserRole.Agent, displayName: $"Čech {s}");
        var cibulka = await demo.Data.AddUserAsync(UserRole.Agent, displayName: $"Cibulka {s}");
        var gone = await demo.Data.AddUserAsync(UserRole.Agent, displayName: $"Dvořák {s}", isActive: false);
        var client = await demo.App.SignedInAsync(await AdministratorAsync());

        var html = await client.GetStringAsync($"/manage/users?q={s.ToUpperInvariant()}");

        Assert.Equal([cibulka.UserName!, cech.UserName!, hora.UserName!, chalupa.UserName!], ListedLogins(html));
        Assert.Contains("4 uživatelé", html, StringComparison.Ordinal);
        var all = await client.GetStringAsync($"/manage/users?q={s}&deactivated=1");
        Assert.Equal([cibulka.UserName!, cech.UserName!, gone.UserName!, hora.UserName!, chalupa.UserName!], ListedLogins(all));
        Assert.Contains("5 uživatelů", all, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"deactivated\"", all, StringComparison.Ordinal);
        Assert.Equal([cech.UserName!], ListedLogins(await client.GetStringAsync($"/manage/users?q=CECH+{s}")));
        Assert.Equal([gone.UserName!], ListedLogins(await client.GetStringAsync($"/manage/users?q=dvorak+{s}&deactivated=1")));
        Assert.Equal([hora.UserName!], ListedLogins(await client.GetStringAsync($"/manage/users?q={Uri.EscapeDataString(hora.UserName!.ToUpperInvariant())}")));
        Assert.Contains($"href=\"/manage/users/{hora.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("1 uživatel<", await client.GetStringAsync($"/manage/users?q=hora+{s}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_by_fifty_with_page_links()
    {
        var s = TestData.Suffix();
        for (var i = 0; i < 53; i++)
        {
            await demo.Data.AddUserAsync(UserRole.Agent, displayName: $"Stránkovaný {s} {i:00}");
        }

        var client = await demo.App.SignedInAsync(await AdministratorAsync("en"));

        var first = await client.GetStringAsync($"/manage/users?q={s}");
        var second = await client.GetStringAsync($"/manage/users?q={s}&page=2");

        Assert.Equal(50, ListedLogins(first).Count);
        Assert.Equal(3, ListedLogins(second).Count);
        Assert.Empty(ListedLogins(first).Intersect(ListedLogins(second)));
        Assert.Contains("53 users", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/manage/users?q={s}&amp;page=2\"", first, StringComparison.Ordinal);
        Assert.Contains($"Stránkovaný {s} 52", second, StringComparison.Ordinal);
        Assert.Equal(3, ListedLogins(await client.GetStringAsync($"/manage/users?q={s}&page=9")).Count); // past the end: the last page
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/manage/users?page=0")).StatusCode);
    }

    [Fact]
    public async Task Hostile_names_are_shown_as_text_and_a_hostile_login_is_refused()
    {
        const string hostile = "<script>alert(1)</script>";
        var client = await demo.App.SignedInAsync(await AdministratorAsync());
        var login = "hostile_" + TestData.Suffix();
        var long_ = new string('Ž', 200);

        var response = await client.CreateUserAsync(NewUserForm(login, hostile + " " + long_[..150], password: StrongPassword));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetStringAsync($"/manage/users?q={login}");
        Assert.DoesNotContain(hostile, list, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", list, StringComparison.Ordinal);
        var profile = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(hostile, profile, StringComparison.Ordinal);

        var refused = await client.CreateUserAsync(NewUserForm(hostile, long_ + "X", password: StrongPassword));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.Contains($"„{hostile}“", ErrorsOf(html, "UserName"), StringComparison.Ordinal);
        Assert.Contains("200", ErrorsOf(html, "DisplayName"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        var client = await demo.App.SignedInAsync(await AdministratorAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ProfileUrl(int.MaxValue))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/manage/users", $"/manage/users/{int.MaxValue}/deactivate", [])).StatusCode);
    }
}
