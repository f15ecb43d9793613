using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityOfPractice.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsCountedUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "count",
                table: "notifications",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "counted_title",
                table: "notification_jobs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            // Before this, each reply had its own notification. Keep the newest unread one per
            // member and thread as the one later replies count into; the older unread ones stay
            // listed and unread, but no longer count as the thread's, and the newest one's email
            // tells of the thread for them.
            migrationBuilder.Sql("""
                UPDATE notifications n SET group_key = NULL, emailed_at = COALESCE(n.emailed_at, now())
                WHERE n.read_at IS NULL AND n.group_key IS NOT NULL AND EXISTS (
                    SELECT 1 FROM notifications newer
                    WHERE newer.member_id = n.member_id AND newer.group_key = n.group_key AND newer.read_at IS NULL
                      AND (newer.created_at, newer.id) > (n.created_at, n.id));
                """);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_member_id_group_key",
                table: "notifications",
                columns: new[] { "member_id", "group_key" },
                unique: true,
                filter: "read_at IS NULL AND group_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notification_jobs_group_key_created_at",
                table: "notification_jobs",
                columns: new[] { "group_key", "created_at" },
                filter: "group_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_member_id_group_key",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notification_jobs_group_key_created_at",
                table: "notification_jobs");

            migrationBuilder.DropColumn(
                name: "count",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "counted_title",
                table: "notification_jobs");
        }
    }
}
