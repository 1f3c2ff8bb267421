using ConfigCluster.Grains.Interfaces.Flags;
using static ConfigCluster.Grains.Tests.Flags.FlagJsonReadTests;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Reading the variants of a body: any JSON value, kept as compact text, in the order sent.</summary>
public sealed class FlagJsonVariantReadTests
{
    [Fact]
    public void VariantValuesAreKeptAsCompactJsonWhateverTheWhitespaceSent()
    {
        var read = ReadFlag("""{"variants":{ "on" : { "a" : [ 1 , 2.50 ] ,"b":"x y" } ,"off":  false }}""", new FlagDefinition());

        Assert.Equal([new FlagVariant("on", """{"a":[1,2.50],"b":"x y"}"""), new FlagVariant("off", "false")], read.Variants);
    }

    [Fact]
    public void VariantsKeepTheOrderSent()
    {
        var read = ReadFlag("""{"variants":{"zeta":1,"alpha":"a","mid":null}}""", new FlagDefinition());

        Assert.Equal(["zeta", "alpha", "mid"], read.Variants.Select(v => v.Name));
        Assert.Equal(["1", "\"a\"", "null"], read.Variants.Select(v => v.Json));
    }

    [Fact]
    public void VariantOfAnyJsonTypeIsAccepted()
    {
        var read = ReadFlag("""{"variants":{"s":"text","n":-1.5e3,"t":true,"f":false,"z":null,"a":[],"o":{},"huge":1e400}}""", new FlagDefinition());

        Assert.Equal(["\"text\"", "-1.5e3", "true", "false", "null", "[]", "{}", "1e400"], read.Variants.Select(v => v.Json));
    }

    [Fact]
    public void DeeplyNestedVariantIsKeptWhole()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 60)) + "1" + string.Concat(Enumerable.Repeat("]", 60));

        var read = ReadFlag($$$"""{"variants":{"deep":{{{nested}}}}}""", new FlagDefinition());

        Assert.Equal(nested, Assert.Single(read.Variants).Json);
    }

    [Fact]
    public void EmptyVariantsObjectReadsAsNoVariantsForTheValidatorToRefuse()
    {
        var read = ReadFlag("""{"variants":{}}""", new FlagDefinition());

        Assert.Empty(read.Variants);
        Assert.Contains(FlagDefinitionValidator.Validate(read), p => p.Field == "variants");
    }

    [Fact]
    public void VariantsOfOneNameAreAllKeptForTheValidatorToRefuse()
    {
        var read = ReadFlag("""{"variants":{"on":1,"on":2}}""", new FlagDefinition());

        Assert.Equal(["on", "on"], read.Variants.Select(v => v.Name));
        Assert.Contains(FlagDefinitionValidator.Validate(read), p => p.Field == "variants[1].name");
    }
}
