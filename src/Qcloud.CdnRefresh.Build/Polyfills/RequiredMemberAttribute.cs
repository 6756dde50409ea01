namespace System.Runtime.CompilerServices;

/// <summary>Marks <c>required</c> members for the compiler on .NET Framework, which does not define this type.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
internal sealed class RequiredMemberAttribute : Attribute;
