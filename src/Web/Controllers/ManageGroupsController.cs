using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage;
using WapListing.Web.Features.Manage.Groups;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Controllers;

/// <summary>Manage → User groups and Queue groups (the same pages for both kinds), and a user's Groups tab.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ManageGroupsController(IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("manage/user-groups")]
    public Task<IActionResult> UserGroups([FromServices] ListGroups listGroups, CancellationToken cancellationToken) =>
        List(GroupKind.User, listGroups, cancellationToken);

    [HttpGet("manage/queue-groups")]
    public Task<IActionResult> QueueGroups([FromServices] ListGroups listGroups, CancellationToken cancellationToken) =>
        List(GroupKind.Queue, listGroups, cancellationToken);

    [HttpPost("manage/user-groups")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> CreateUserGroup(GroupNameRequest request, [FromServices] CreateGroup createGroup, [FromServices] ListGroups listGroups, CancellationToken cancellationToken) =>
        Create(GroupKind.User, request, createGroup, listGroups, cancellationToken);

    [HttpPost("manage/queue-groups")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> CreateQueueGroup(GroupNameRequest request, [FromServices] CreateGroup createGroup, [FromServices] ListGroups listGroups, CancellationToken cancellationToken) =>
        Create(GroupKind.Queue, request, createGroup, listGroups, cancellationToken);

    [HttpGet("manage/user-groups/{id:int}")]
    public Task<IActionResult> UserGroup(int id, bool deactivated, [FromServices] GetGroup getGroup, CancellationToken cancellationToken) =>
        Group(GroupKind.User, id, deactivated, getGroup, cancellationToken);

    [HttpGet("manage/queue-groups/{id:int}")]
    public Task<IActionResult> QueueGroup(int id, bool deactivated, [FromServices] GetGroup getGroup, CancellationToken cancellationToken) =>
        Group(GroupKind.Queue, id, deactivated, getGroup, cancellationToken);

    [HttpPost("manage/user-groups/{id:int}/rename")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> RenameUserGroup(int id, GroupNameRequest request, [FromServices] RenameGroup renameGroup, [FromServices] GetGroup getGroup, CancellationToken cancellationToken) =>
        Rename(GroupKind.User, id, request, renameGroup, getGroup, cancellationToken);

    [HttpPost("manage/queue-groups/{id:int}/rename")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> RenameQueueGroup(int id, GroupNameRequest request, [FromServices] RenameGroup renameGroup, [FromServices] GetGroup getGroup, CancellationToken cancellationToken) =>
        Rename(GroupKind.Queue, id, request, renameGroup, getGroup, cancellationToken);

    [HttpPost("manage/user-groups/{id:int}/members")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> UserGroupMembers(int id, TickedIdsRequest request, bool deactivated, [FromServices] SaveGroupMembers saveMembers, [FromServices] GetGroup getGroup, CancellationToken cancellationToken) =>
        Members(GroupKind.User, id, request, deactivated, saveMembers, getGroup, cancellationToken);

    [HttpPost("manage/queue-groups/{id:int}/members")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> QueueGroupMembers(int id, TickedIdsRequest request, bool deactivated, [FromServices] SaveGroupMembers saveMembers, [FromServices] GetGroup getGroup, CancellationToken cancellationToken) =>
        Members(GroupKind.Queue, id, request, deactivated, saveMembers, getGroup, cancellationToken);

    [HttpGet("manage/user-groups/{id:int}/delete")]
    public Task<IActionResult> ConfirmUserGroupDeletion(int id, [FromServices] GetGroupDeletion getDeletion, CancellationToken cancellationToken) =>
        ConfirmDeletion(GroupKind.User, id, getDeletion, cancellationToken);

    [HttpGet("manage/queue-groups/{id:int}/delete")]
    public Task<IActionResult> ConfirmQueueGroupDeletion(int id, [FromServices] GetGroupDeletion getDeletion, CancellationToken cancellationToken) =>
        ConfirmDeletion(GroupKind.Queue, id, getDeletion, cancellationToken);

    [HttpPost("manage/user-groups/{id:int}/delete")]
    public Task<IActionResult> DeleteUserGroup(int id, [FromForm] uint version, [FromServices] DeleteGroup deleteGroup, [FromServices] GetGroupDeletion getDeletion, CancellationToken cancellationToken) =>
        Delete(GroupKind.User, id, version, deleteGroup, getDeletion, cancellationToken);

    [HttpPost("manage/queue-groups/{id:int}/delete")]
    public Task<IActionResult> DeleteQueueGroup(int id, [FromForm] uint version, [FromServices] DeleteGroup deleteGroup, [FromServices] GetGroupDeletion getDeletion, CancellationToken cancellationToken) =>
        Delete(GroupKind.Queue, id, version, deleteGroup, getDeletion, cancellationToken);

    [HttpGet("manage/users/{id:int}/groups")]
    public async Task<IActionResult> UserGroupsOfUser(int id, [FromServices] GetUserGroups getUserGroups, CancellationToken cancellationToken) =>
        await getUserGroups.HandleAsync(id, cancellationToken) is { } page ? View("UserGroups", page) : NotFound();

    [HttpPost("manage/users/{id:int}/groups")]
    [RedisplaysInvalidInput]
    public async Task<IActionResult> SaveUserGroupsOfUser(int id, TickedIdsRequest request, [FromServices] SaveUserGroups saveUserGroups, [FromServices] GetUserGroups getUserGroups, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await saveUserGroups.HandleAsync(id, request, cancellationToken) : null;
        if (result?.Outcome == ManageEditOutcome.Done)
        {
            return Redirect($"~/manage/users/{id}/groups?done=saved");
        }

        if (result?.Outcome == ManageEditOutcome.NotFound)
        {
            return NotFound();
        }

        Refuse(result);
        return await getUserGroups.HandleAsync(id, cancellationToken) is { } page ? View("UserGroups", page) : NotFound();
    }

    private async Task<IActionResult> List(GroupKind kind, ListGroups listGroups, CancellationToken cancellationToken) =>
        View("List", await listGroups.HandleAsync(kind, cancellationToken));

    private async Task<IActionResult> Create(GroupKind kind, GroupNameRequest request, CreateGroup createGroup, ListGroups listGroups, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await createGroup.HandleAsync(kind, request, cancellationToken) : null;
        if (result?.Outcome == ManageEditOutcome.Done)
        {
            return Redirect($"~/manage/{kind.Path()}/{result.Id}?done=created");
        }

        Refuse(result);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("List", await listGroups.HandleAsync(kind, cancellationToken));
    }

    private async Task<IActionResult> Group(GroupKind kind, int id, bool deactivated, GetGroup getGroup, CancellationToken cancellationToken) =>
        await getGroup.HandleAsync(kind, id, deactivated, cancellationToken) is { } page ? View("Group", page) : NotFound();

    private async Task<IActionResult> Rename(GroupKind kind, int id, GroupNameRequest request, RenameGroup renameGroup, GetGroup getGroup, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await renameGroup.HandleAsync(kind, id, request, cancellationToken) : null;
        return await Answer(kind, id, deactivated: false, result, getGroup, cancellationToken);
    }

    private async Task<IActionResult> Members(GroupKind kind, int id, TickedIdsRequest request, bool deactivated, SaveGroupMembers saveMembers, GetGroup getGroup, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await saveMembers.HandleAsync(kind, id, request, cancellationToken) : null;
        return await Answer(kind, id, deactivated, result, getGroup, cancellationToken);
    }

    private async Task<IActionResult> Answer(GroupKind kind, int id, bool deactivated, ManageEditResult? result, GetGroup getGroup, CancellationToken cancellationToken)
    {
        switch (result?.Outcome)
        {
            case ManageEditOutcome.Done:
                return Redirect($"~/manage/{kind.Path()}/{id}?done=saved" + (deactivated ? "&deactivated=true" : ""));
            case ManageEditOutcome.NotFound:
                return NotFound();
        }

        Refuse(result);
        return await getGroup.HandleAsync(kind, id, deactivated, cancellationToken) is { } page ? View("Group", page) : NotFound();
    }

    private async Task<IActionResult> ConfirmDeletion(GroupKind kind, int id, GetGroupDeletion getDeletion, CancellationToken cancellationToken) =>
        await getDeletion.HandleAsync(kind, id, cancellationToken) is { } page ? View("Delete", page) : NotFound();

    private async Task<IActionResult> Delete(GroupKind kind, int id, uint version, DeleteGroup deleteGroup, GetGroupDeletion getDeletion, CancellationToken cancellationToken)
    {
        var result = await deleteGroup.HandleAsync(kind, id, version, cancellationToken);
        switch (result.Outcome)
        {
            case ManageEditOutcome.Done:
                return Redirect($"~/manage/{kind.Path()}?done=deleted");
            case ManageEditOutcome.NotFound:
                return NotFound();
        }

        Refuse(result);
        return await getDeletion.HandleAsync(kind, id, cancellationToken) is { } page ? View("Delete", page) : NotFound();
    }

    private void Refuse(ManageEditResult? result) => this.ShowRefusal(result, localizer);
}
