namespace WapListing.Domain.Entities;

/// <summary>
/// A WhatsApp profile name that chats were stored with, folded like the WhatsApp contact filter folds (DESIGN §5). The
/// filter asks these few names first and then the chats of the matching ones. Kept by database triggers whoever writes a
/// chat (migration WhatsAppContactNames), never by the app; a name whose chats are gone may stay, and matches nothing.
/// </summary>
public class WhatsAppContactName
{
    public required string Folded { get; set; }
}
