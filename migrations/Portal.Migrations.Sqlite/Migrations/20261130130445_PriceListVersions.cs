using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PriceListVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RetiredAt",
                table: "Products",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PriceListVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceListVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyAcknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyAcknowledgements_Agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "Agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PolicyAcknowledgements_PriceListVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "PriceListVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAcknowledgements_AgentId",
                table: "PolicyAcknowledgements",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyAcknowledgements_VersionId_AgentId",
                table: "PolicyAcknowledgements",
                columns: new[] { "VersionId", "AgentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriceListVersions_EffectiveFrom",
                table: "PriceListVersions",
                column: "EffectiveFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriceListVersions_Number",
                table: "PriceListVersions",
                column: "Number",
                unique: true);

            // A database from before versions: each instant its prices and discounts took effect becomes a version, and
            // the agents Active today are taken to have acknowledged the newest one (they work under it already).
            migrationBuilder.Sql(
                "INSERT INTO PriceListVersions (Number, EffectiveFrom, Note, PublishedAt, PublishedBy) " +
                "SELECT ROW_NUMBER() OVER (ORDER BY EffectiveFrom), EffectiveFrom, NULL, EffectiveFrom, 'system' " +
                "FROM (SELECT EffectiveFrom FROM ProductPrices UNION SELECT EffectiveFrom FROM TierDiscounts);");
            migrationBuilder.Sql(
                "INSERT INTO PolicyAcknowledgements (VersionId, AgentId, AcknowledgedBy, AcknowledgedAt) " +
                "SELECT v.Id, a.Id, 'system', v.PublishedAt FROM Agents a CROSS JOIN PriceListVersions v " +
                "WHERE a.Status = 'Active' AND v.Number = (SELECT MAX(Number) FROM PriceListVersions);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PolicyAcknowledgements");

            migrationBuilder.DropTable(
                name: "PriceListVersions");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Products");
        }
    }
}
