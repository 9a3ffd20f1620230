using Npgsql;
using WapListing.Infrastructure.Data;

namespace WapListing.UnitTests.Data;

public class TunedConnectionStringTests
{
    [Fact]
    public void The_app_prepares_its_statements_and_skips_the_reset_unless_the_connection_string_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseRegistration.Tuned("Host=db;Database=wl;Username=app"));

        Assert.Equal(DatabaseRegistration.DefaultMaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("-c jit=off -c plan_cache_mode=force_custom_plan", tuned.Options);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("wl", tuned.Database);
    }

    [Fact]
    public void Settings_an_operator_wrote_in_the_connection_string_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseRegistration.Tuned("Host=db;Max Auto Prepare=0;No Reset On Close=false"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void Jit_off_and_custom_plans_are_added_beside_other_server_options_unless_the_operator_chose()
    {
        Assert.Equal("-c search_path=wl -c jit=off -c plan_cache_mode=force_custom_plan", new NpgsqlConnectionStringBuilder(DatabaseRegistration.Tuned("Host=db;Options=-c search_path=wl")).Options);
        Assert.Equal("-c jit=on -c plan_cache_mode=auto", new NpgsqlConnectionStringBuilder(DatabaseRegistration.Tuned("Host=db;Options=-c jit=on -c plan_cache_mode=auto")).Options);
    }
}
