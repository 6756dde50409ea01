namespace System.Runtime.CompilerServices;

/// <summary>Names a compiler feature a member needs (here: required members), on .NET Framework, which does not define this type.</summary>
[AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
internal sealed class CompilerFeatureRequiredAttribute(string featureName) : Attribute
{
    public string FeatureName { get; } = featureName;
}
