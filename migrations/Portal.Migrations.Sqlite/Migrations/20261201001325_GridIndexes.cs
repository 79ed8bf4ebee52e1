using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GridIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The customer-name search index (ADR 43).
            migrationBuilder.Sql(Portal.Data.CustomerNameTrigrams.SqliteCreate);

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ProtectedUntil_Id",
                table: "Deals",
                columns: new[] { "ProtectedUntil", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Status_Id",
                table: "Deals",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DealReasons_Code_DealId",
                table: "DealReasons",
                columns: new[] { "Code", "DealId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Action_Id",
                table: "AuditLog",
                columns: new[] { "Action", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Actor_Id",
                table: "AuditLog",
                columns: new[] { "Actor", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_EntityId_Id",
                table: "AuditLog",
                columns: new[] { "EntityId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Portal.Data.CustomerNameTrigrams.SqliteDrop);

            migrationBuilder.DropIndex(
                name: "IX_Deals_ProtectedUntil_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Status_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_DealReasons_Code_DealId",
                table: "DealReasons");

            migrationBuilder.DropIndex(
                name: "IX_AuditLog_Action_Id",
                table: "AuditLog");

            migrationBuilder.DropIndex(
                name: "IX_AuditLog_Actor_Id",
                table: "AuditLog");

            migrationBuilder.DropIndex(
                name: "IX_AuditLog_EntityId_Id",
                table: "AuditLog");
        }
    }
}
