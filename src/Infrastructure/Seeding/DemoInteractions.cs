using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Seeding;

/// <summary>What the generator made: interactions, the tickets they use, and which missed chat each call-back answers.</summary>
internal sealed record DemoInteractions(
    List<Interaction> Interactions,
    List<Ticket> Tickets,
    List<(Interaction Missed, Interaction CallBack)> CallBacks);
