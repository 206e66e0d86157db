namespace ConversationBot.Notifications.Topics;

/// <summary>What the customer reads about a topic in one language.</summary>
/// <param name="ShortTitle">
/// The topic's name on a button or quick reply, at most <see cref="Topic.MaxShortTitleLength"/>
/// characters; null when the title itself is short enough (<see cref="ButtonTitle"/>).
/// </param>
public sealed record TopicText(string Title, string Description, string? ShortTitle = null)
{
    /// <summary>
    /// The name to put on a button: the short title, else the title when it fits, else the title cut
    /// at a word with "…". Clients that draw suggested actions as fixed-width buttons clip longer
    /// titles, and Messenger cuts quick replies at 20 characters (issue 17).
    /// </summary>
    public string ButtonTitle
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(ShortTitle))
            {
                return ShortTitle.Trim();
            }

            var title = Title.Trim();
            if (title.Length <= Topic.MaxShortTitleLength)
            {
                return title;
            }

            var cut = title.LastIndexOf(' ', Topic.MaxShortTitleLength - 1);
            return (cut > 0 ? title[..cut] : title[..(Topic.MaxShortTitleLength - 1)]).TrimEnd() + "…";
        }
    }
}
