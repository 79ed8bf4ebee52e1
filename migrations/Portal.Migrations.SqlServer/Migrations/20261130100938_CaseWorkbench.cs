using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CaseWorkbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Facts",
                table: "ViolationCases",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Investigator",
                table: "ViolationCases",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentType",
                table: "CaseEvidence",
                type: "varchar(100)",
                unicode: false,
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Size",
                table: "CaseEvidence",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    EvidenceId = table.Column<int>(type: "int", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.EvidenceId);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_CaseEvidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "CaseEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ViolationCases_Investigator_State",
                table: "ViolationCases",
                columns: new[] { "Investigator", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditCheckpoints_Day",
                table: "AuditCheckpoints",
                column: "Day",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropIndex(
                name: "IX_ViolationCases_Investigator_State",
                table: "ViolationCases");

            migrationBuilder.DropColumn(
                name: "Facts",
                table: "ViolationCases");

            migrationBuilder.DropColumn(
                name: "Investigator",
                table: "ViolationCases");

            migrationBuilder.DropColumn(
                name: "ContentType",
                table: "CaseEvidence");

            migrationBuilder.DropColumn(
                name: "Size",
                table: "CaseEvidence");
        }
    }
}
