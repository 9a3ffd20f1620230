namespace WapListing.Infrastructure.Seeding;

/// <summary>Names and chat texts of the demo data: Czech with diacritics, English, and hostile strings.</summary>
internal static class DemoTexts
{
    /// <summary>Strings that must stay inert wherever they are shown or exported.</summary>
    public static readonly string[] Hostile =
    [
        "=HYPERLINK(\"http://x\",\"y\")",
        "<script>alert(1)</script>",
        "@SUM(1,1)",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "😀 Ahoj 👍",
        "Příliš žluťoučký kůň úpěl ďábelské ódy " + new string('x', 160),
    ];

    public static readonly string[] AgentFirstNames =
    [
        "Jana", "Tomáš", "Šárka", "Petr", "Lucie", "Jiří", "Kateřina", "Martin", "Veronika", "Ondřej",
        "Zuzana", "Lukáš", "Tereza", "Radek", "Barbora", "Michal", "Eliška", "Jakub", "Anna", "David",
        "Emily", "James", "Olivia", "George", "Sophie", "Harry", "Chloe", "Daniel",
    ];

    public static readonly string[] AgentLastNames =
    [
        "Dvořáková", "Černý", "Řezníčková", "Novák", "Svobodová", "Procházka", "Kučerová", "Veselý", "Horáková", "Němec",
        "Marková", "Pokorný", "Růžičková", "Hájek", "Králová", "Jelínek", "Benešová", "Fiala", "Šťastná", "Čermák",
        "Smith", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Walker", "Wright",
    ];

    public static readonly string[] CustomerNames =
    [
        "Karel Dvořák", "Božena Němcová", "Čeněk Šlégl", "Cyril Novotný", "Žofie Řeháková", "Ludmila Čapková", "Václav Havlíček",
        "Hana Štěpánková", "Miloš Žák", "Ivana Kuřátková", "Zdeněk Ďurica", "Marie Černá", "František Skála",
        "Alice Johnson", "Robert Miller", "Laura Davies", "Chris Green", "Megan Hall", "Peter Young",
        "Chloé Dubois", "Łukasz Nowak", "Jürgen Müller", "Ana Šimić",
    ];

    public static readonly string[] Companies =
    [
        "Autodíly Šťastný s.r.o.", "Pekárna U Čápa", "Nordic Trade Ltd.", "Zelená energie a.s.", "Cestovní kancelář Čedok Plus",
        "Brightside Insurance", "Lékárna Na Růžku",
    ];

    public static readonly string[] CustomerOpeningsCs =
    [
        "Dobrý den, potřebuji změnit objednávku č. 1234.",
        "Ahoj, kdy mi dorazí zásilka? Čekám už týden.",
        "Dobrý den, reklamuji poškozené zboží, přikládám fotku.",
        "Můžete mi prosím poslat fakturu znovu? Nemohu ji najít.",
        "Zdravím, chtěl bych zrušit předplatné.",
        "Dobrý den, jaká je otevírací doba prodejny v Českých Budějovicích?",
    ];

    public static readonly string[] CustomerOpeningsEn =
    [
        "Hello, I need to change my order #5678.",
        "Hi, where is my parcel? It's been a week.",
        "Good morning, the item arrived broken, photo attached.",
        "Could you resend my invoice please?",
        "I'd like to cancel my subscription.",
    ];

    public static readonly string[] AgentRepliesCs =
    [
        "Dobrý den, děkujeme za zprávu. Hned se na to podívám.",
        "Objednávku jsem upravil(a), změna se projeví do hodiny.",
        "Omlouváme se za potíže, reklamaci jsme přijali pod číslem R-2211.",
        "Fakturu jsem vám právě odeslal(a) na e-mail.",
        "Je ještě něco, s čím vám mohu pomoci?",
    ];

    public static readonly string[] AgentRepliesEn =
    [
        "Hello, thanks for reaching out. Let me check that for you.",
        "I've updated your order; the change will show within an hour.",
        "Sorry for the trouble, we've registered your claim as R-2211.",
        "I've just emailed you the invoice.",
        "Is there anything else I can help you with?",
    ];

    public static readonly string[] Closings = ["Děkuji, hezký den!", "Super, díky moc 🙂", "Thanks, bye!", "Perfect, thank you."];

    public static readonly string[] TicketTitles =
    [
        "Změna objednávky", "Reklamace poškozeného zboží", "Opakované zaslání faktury", "Zrušení předplatného",
        "Dotaz na doručení", "Order change", "Damaged item claim", "Invoice resend", "Subscription cancellation",
    ];

    public static readonly string[] QaComments =
    [
        "Výborná komunikace, rychlé vyřešení.", "Chybělo ověření totožnosti zákazníka.", "Great tone, solved on first contact.",
        "Příliš dlouhá odezva mezi zprávami.", "Follow the closing script next time.",
    ];
}
