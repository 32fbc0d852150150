using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Data;
using Relais.Web.Contests;

namespace Relais.Web.Pages.Contests;

/// <summary>A contest's public boards; contest-board.js follows them live, without it a reload shows the same.</summary>
public sealed class BoardModel(RelaisDb db, ContestBoards boards) : PageModel
{
    public ContestBoardView Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var view = await boards.ReadAsync(db, slug, ct);
        if (view is null)
        {
            return NotFound();
        }
        Board = view;
        return Page();
    }
}
