namespace System.Diagnostics.CodeAnalysis;

/// <summary>Marks a constructor that sets every required member (records' copy constructors carry it), on .NET Framework, which does not define this type.</summary>
[AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
internal sealed class SetsRequiredMembersAttribute : Attribute;
