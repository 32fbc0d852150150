using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relais.Organizations;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Admin;

public sealed class LoginModel(SignInManager<Member> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty, MaxLength(254)]
    public string? Email { get; set; }

    [BindProperty, MaxLength(256)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password) || Email.Length > 254 || Password.Length > 256)
        {
            return Failed(LoginMessages.Missing);
        }
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        }
        return Failed(result.IsLockedOut
            ? LoginMessages.LockedOut
            : LoginMessages.Wrong);
    }

    private PageResult Failed(string messageKey)
    {
        ModelState.AddModelError(string.Empty, localizer[messageKey]);
        Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public static class LoginMessages
{
    public const string Missing = "Please give your email and password.";
    public const string LockedOut = "Too many failed attempts: this account is locked for 15 minutes.";
    public const string Wrong = "Wrong email or password.";
}
