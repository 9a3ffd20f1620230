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
}
