namespace WapListing.Domain.Entities;

public enum MessageType
{
    Text,
    Image,
    Document,
    Audio,
    Video,
    Location,
    Sticker,
    Reaction,
    Deleted,
    /// <summary>Shared contact cards (vCards).</summary>
    Contacts,
    /// <summary>A tapped button or list reply.</summary>
    Interactive,
    /// <summary>A type WhatsApp sent that the app does not know (yet).</summary>
    Unsupported,
}
