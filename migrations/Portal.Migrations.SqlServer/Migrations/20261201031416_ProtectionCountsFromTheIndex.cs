using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionCountsFromTheIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerProtections_EndedAt_Until",
                table: "CustomerProtections");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerProtections_EndedAt_Until_Since",
                table: "CustomerProtections",
                columns: new[] { "EndedAt", "Until", "Since" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerProtections_EndedAt_Until_Since",
                table: "CustomerProtections");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerProtections_EndedAt_Until",
                table: "CustomerProtections",
                columns: new[] { "EndedAt", "Until" });
        }
    }
}
